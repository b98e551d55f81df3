"""Word lists for benign traffic: the raw material, before any split (see pools.py and vocabulary.py).

Everything here was written for this generator; nothing is copied from a dataset.
"""

RESOURCES = """
products users orders articles posts comments categories tags invoices customers accounts projects
tasks teams files images videos events tickets reviews carts payments shipments notifications messages
settings profiles reports books authors movies recipes courses lessons students employees departments
vehicles bookings reservations hotels flights listings properties jobs applications subscriptions plans
coupons wishlists addresses stores warehouses suppliers sessions devices sensors metrics alerts
dashboards playlists tracks albums artists photos galleries forums threads topics questions answers
groups members contacts leads deals campaigns newsletters documents folders workspaces repositories
builds deployments releases issues merchants refunds discounts brands collections variants inventory
schedules appointments patients doctors clinics menus restaurants deliveries drivers routes stations
tournaments players matches venues tickets-types organizations invitations roles permissions webhooks
api-keys audit-logs exports imports templates widgets pages sections banners faqs surveys responses
""".split()

PAGES = """
about contact pricing faq help blog careers terms privacy login signup register account dashboard
checkout cart search home news press team docs support status features download partners shop store
catalog sitemap community events gallery portfolio services solutions resources webinars case-studies
testimonials affiliates investors security accessibility cookies legal returns shipping warranty
gift-cards deals new-arrivals bestsellers clearance membership rewards locations careers/openings
how-it-works integrations changelog roadmap developers api enterprise education nonprofit stories
""".split()

API_PREFIXES = """
/api /api/v1 /api/v2 /api/v3 /v1 /v2 /rest /rest/v1 /api/public /svc /backend/api /json /data/v1
/api/latest /services/v1 /app/api
""".split()

STATIC_DIRS = """
static assets public dist build img images css js fonts media uploads cdn scripts styles vendor lib
icons themes resources bundles content files
""".split()

STATIC_STEMS = """
main app vendor style logo hero banner favicon bundle runtime polyfills theme print reset grid
header footer sprite avatar placeholder background icon-sprite chunk-vendors index site core
analytics slider gallery lightbox modal carousel product-card home-hero team-photo brochure manual
""".split()

STATIC_EXTENSIONS = "css js png jpg jpeg gif svg webp ico woff woff2 ttf map json txt pdf mp4 avif mjs".split()

ADJECTIVES = """
green red blue black white organic wireless portable vintage modern classic large small compact
lightweight waterproof stainless wooden leather cotton linen bamboo ceramic digital smart electric
cordless ergonomic adjustable foldable rechargeable handmade premium budget refurbished unisex
slim-fit oversized striped floral spicy sweet gluten-free vegan low-sugar decaf sparkling frozen
fresh local seasonal cozy bright quiet rustic minimalist industrial scandinavian tropical alpine
""".split()

NOUNS = """
tea coffee mug kettle chair desk lamp sofa table rug curtain pillow blanket mattress backpack wallet
jacket sweater hoodie sneakers boots sandals dress shirt jeans scarf hat gloves watch bracelet
necklace earrings headphones speaker keyboard mouse monitor laptop tablet phone charger cable router
camera tripod drone bicycle helmet tent sleeping-bag stove pan knife blender toaster grinder bottle
notebook pen pencil marker planner calendar puzzle board-game guitar piano violin drum ukulele yoga-mat
dumbbell treadmill racket ball skateboard scooter stroller crib toy doll lego candle vase plant seeds
soil shovel hose grill charcoal sunscreen shampoo soap toothbrush perfume lipstick vitamins protein
honey olive-oil pasta rice flour chocolate cookies cereal granola almonds cheese wine beer juice
""".split()

BRANDS = """
acme globex initech umbrella stark wayne soylent hooli vandelay wonka tyrell cyberdyne oscorp
gringotts monarch nakatomi pied-piper prestige massive-dynamic blue-sun aperture black-mesa
northwind contoso fabrikam tailspin adventure-works litware proseware woodgrove
""".split()

VERBS = """
clean fix install replace paint repair assemble cook bake brew grow plant wash store choose compare
return track cancel upgrade download reset change update remove connect pair charge calibrate
""".split()

# Ordinary phrases that contain words an SQL, script or shell filter would notice.
INNOCENT_PHRASES = [
    "select a plan", "drop-down menu not working", "union station parking", "black or white",
    "salt and pepper", "order by phone", "update my address", "delete my account", "insert coin",
    "from paris to london", "where is my order", "table for two", "like new condition", "group tour",
    "create account", "null and void", "case study", "having fun outdoors", "all inclusive resort",
    "end of season sale", "if possible deliver tomorrow", "join the waitlist", "executive summary",
    "script writing class", "alert settings", "document scanner", "window cleaner", "cookie recipe",
    "body lotion", "picture frame", "image stabilization", "location services", "cat food", "ping pong table",
    "echo dot", "python for beginners", "bash party ideas", "kill bill vol 1", "curl cream for hair",
    "system design interview", "root vegetables", "admin assistant jobs", "log cabin rental", "sleep mask",
    "benchmark results", "char siu recipe", "version history", "count of monte cristo", "select comfort",
    "or best offer", "and more", "not available", "exec chair", "order history", "values and ethics",
    "truncate text css", "alter ego", "declare independence", "drop shipping", "union jack flag",
    "delete key", "select all", "union of concerned scientists", "where the wild things are",
    "from scratch", "into the woods", "between two ferns", "one or two", "either or", "and or",
    "true or false quiz", "1 or 2 bedrooms", "kids 5 and up", "buy 2 get 1", "waitfor it",
    "shell cordovan boots", "cmd key shortcut", "echo park", "cat 6 cable", "ls 400 sedan",
    "etc", "passwd reset", "var lamp", "tmp folder", "proc macro", "dev tools",
    "script tag", "onload event", "javascript tutorial", "svg icons", "iframe embed code",
    "alert box", "prompt engineering", "confirm my email", "eval function", "html entities list",
    "jndi lookup", "ldap login", "template engine", "sql tutorial", "cross site scripting", "path traversal explained",
]

# Free text with apostrophes, quotes and other punctuation people really type.
PUNCTUATED_PHRASES = [
    "it's a great day", "don't miss out", "o'reilly books", "mcdonald's near me", "women's shoes",
    "kids' toys", "rock 'n' roll", "she said \"hello\"", "5'11\" height", "12\" pizza pan",
    "1/2 cup sugar", "50% off", "a & b", "c++ primer", "c# in depth", "what's new?", "#throwbackthursday",
    "wait -- what?", "email me @ noon", "price < 20", "rated > 4 stars", "tom & jerry", "ben & jerry's",
    "l'oreal paris", "d'angelo", "o'brien", "the \"best\" coffee", "q&a", "you're welcome",
    "i can't login", "won't turn on", "isn't working", "they're here", "we've moved", "it's 5 o'clock",
    "jack-o'-lantern", "hawai'i", "côte d'ivoire", "crème brûlée", "naïve café", "jalapeño",
    "smörgåsbord", "zürich", "münchen", "são paulo", "kraków", "東京", "日本語", "привет", "مرحبا",
    "100% cotton", "$5 off", "€20 voucher", "£ to $", "3 x 4", "2+2", "a = b", "x^2", "~5 min",
    "[draft] notes", "(new)", "{name}", "a;b", "semi;colon", "pipe|separated", "back\\slash",
    "`backtick`", "tabs\tand spaces", "multi\nline", "n/a", "w/o", "24/7", "9-5", "am/pm",
    "user@example.com", "http in the name", "dot.com bubble", "...and then", "hmm...", "ok!!!",
]

FIRST_NAMES = """
james mary robert patricia john jennifer michael linda david elizabeth william barbara richard susan
joseph jessica thomas sarah charles karen christopher lisa daniel nancy matthew betty anthony margaret
mark sandra donald ashley steven kimberly paul emily andrew donna joshua michelle kenji yuki wei li
priya arjun fatima omar ahmed aisha sofia mateo lucia diego chloe liam noah emma olivia ava lucas
mia ethan amelia harper elijah zoe nora leila yusuf hana sven ingrid lars astrid pierre camille
giulia marco sean niamh siobhan dmitri olga anna jan pieter femke kofi amara chidi ngozi thabo
""".split()

LAST_NAMES = """
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
nelson baker hall rivera campbell mitchell carter roberts o'brien o'connor d'angelo mcdonald
van-der-berg de-la-cruz tanaka suzuki yamamoto chen wang zhang patel shah kumar singh khan ali
haddad cohen levi novak kowalski nowak schmidt muller fischer weber rossi russo ferrari bianchi
dubois moreau laurent silva santos oliveira costa pereira andersson johansson larsen hansen
""".split()

EMAIL_DOMAINS = """
example.com example.org example.net mail.example.com inbox.example.io corp.example.co.uk
university.example.edu startup.example.dev shop.example.store agency.example.agency
""".split()

CITIES = """
london paris berlin madrid rome lisbon dublin amsterdam brussels vienna prague warsaw budapest
stockholm oslo copenhagen helsinki athens istanbul cairo nairobi lagos johannesburg mumbai delhi
bangalore singapore tokyo osaka seoul beijing shanghai sydney melbourne auckland toronto vancouver
montreal chicago boston seattle austin denver miami atlanta portland phoenix dallas san-francisco
new-york los-angeles mexico-city bogota lima santiago buenos-aires sao-paulo
""".split()

STREETS = """
main-street high-street oak-avenue maple-drive park-lane church-road station-road mill-lane
elm-street cedar-court river-road lake-view hillside-avenue king-street queen-street market-square
sunset-boulevard broadway pine-street willow-way
""".split()

COUNTRIES = "us gb de fr es it nl be se no dk fi pl cz at ch ie pt gr tr in jp kr cn au nz ca mx br ar za ng ke eg".split()

LANGUAGES = "en en-us en-gb de de-de fr fr-fr es es-es it pt pt-br nl sv ja ko zh zh-cn ru pl tr ar".split()

CURRENCIES = "usd eur gbp jpy chf cad aud sek nok dkk pln czk inr brl mxn".split()

PUBLIC_HOSTS = """
www.example.com example.org shop.example.net blog.example.io cdn.example.com images.example.org
partner.example.co docs.example.dev news.example.com accounts.example.com maps.example.org
video.example.net static.example.io api.example.com www.example.co.uk help.example.com
""".split()

SEARCH_PARAMS = "q query search s term keyword keywords text find k searchTerm".split()
PAGE_PARAMS = "page p pageNumber page_no pg".split()
SIZE_PARAMS = "per_page limit size pageSize count take rows".split()
SORT_PARAMS = "sort sort_by orderBy order_by sortField".split()
DIRECTION_VALUES = "asc desc ASC DESC ascending descending".split()
SORT_FIELDS = "price name created_at updated_at rating popularity date relevance title -created_at -price newest".split()
FILTER_PARAMS = """
category brand color size status type tag min_price max_price price_min price_max in_stock
available rating region city country lang locale currency year month from to since until
start_date end_date department level format condition material
""".split()
TRACKING_PARAMS = "utm_source utm_medium utm_campaign utm_term utm_content gclid fbclid msclkid ref ref_src mc_cid mc_eid".split()
TRACKING_SOURCES = "newsletter google facebook twitter linkedin email partner affiliate bing instagram tiktok reddit".split()
TRACKING_MEDIUMS = "email cpc social banner referral organic display push sms".split()
REDIRECT_PARAMS = "next return_to redirect redirect_uri returnUrl continue goto back destination callback".split()
URL_PARAMS = "url image_url avatar_url website homepage link source feed webhook_url callback_url".split()
FILE_PARAMS = "file filename name document attachment download report path image template export".split()
ID_PARAMS = "id item_id product_id user_id order_id ref_id pid uid sku article".split()
TOKEN_PARAMS = "token session_state state code nonce signature sig key access_token invite".split()

FORM_FIELDS = """
first_name last_name full_name email phone company address address2 city postcode zip country
message subject comment notes title description quantity size color gift_message coupon
newsletter terms dob birthday website job_title department budget referral
""".split()

FILE_NAMES = """
report-2024-q3.pdf IMG_2041.JPG resume-final.docx invoice_10023.pdf photo.png budget.xlsx
notes.txt presentation.pptx contract-signed.pdf screenshot-2024-05-01.png data-export.csv
logo-dark.svg cover-letter.doc vacation-photo.jpeg manual-v2.pdf receipt.pdf floor-plan.png
""".split()

PASSWORD_WORDS = """
sunshine dragon monkey purple falcon river garden winter summer autumn coffee pizza rocket tiger
orange silver shadow thunder marble velvet maple harbor canyon meadow
""".split()

USERNAME_STYLES = ["{first}.{last}", "{first}{n}", "{f}{last}", "{first}_{last}", "{last}{n}", "{first}-{last}{n}"]

REVIEW_SENTENCES = [
    "I bought this for my {rel} and {pronoun} loves it.", "Shipping took {n} days, which was fine.",
    "The {noun} is exactly as described.", "Would buy again, but the box was a bit damaged.",
    "Quality is great for the price.", "It stopped working after {n} weeks; support replaced it quickly.",
    "Not as {adj} as I'd hoped, but still good value.", "Five stars from me!",
    "Customer service answered within an hour.", "The colour is slightly darker than in the photos.",
    "Fits perfectly (I usually wear a medium).", "Easy to set up -- took about {n} minutes.",
    "My only complaint: the instructions aren't great.", "Great {noun}, highly recommended.",
    "We've used it every day since {month}.", "Arrived on time & well packaged.",
    "Compared to my old {noun}, this one is much better.", "Honestly? It's fine. Nothing special.",
    "The app that comes with it is confusing; the device itself is solid.",
    "Please note: sizes run small, order one up.", "Bought 2, returned 1 -- refund was quick.",
]

MONTHS = "january february march april may june july august september october november december".split()
