"""One half of every word list (see pools.py), plus small helpers that compose values from them."""
import string

from . import words


class Vocabulary:
    def __init__(self, pools):
        half = pools.half
        self.resources = half("resources", words.RESOURCES)
        self.pages = half("pages", words.PAGES)
        self.api_prefixes = half("api_prefixes", words.API_PREFIXES)
        self.static_dirs = half("static_dirs", words.STATIC_DIRS)
        self.static_stems = half("static_stems", words.STATIC_STEMS)
        self.static_extensions = half("static_extensions", words.STATIC_EXTENSIONS)
        self.adjectives = half("adjectives", words.ADJECTIVES)
        self.nouns = half("nouns", words.NOUNS)
        self.brands = half("brands", words.BRANDS)
        self.verbs = half("verbs", words.VERBS)
        self.innocent_phrases = half("innocent_phrases", words.INNOCENT_PHRASES)
        self.punctuated_phrases = half("punctuated_phrases", words.PUNCTUATED_PHRASES)
        self.first_names = half("first_names", words.FIRST_NAMES)
        self.last_names = half("last_names", words.LAST_NAMES)
        self.email_domains = half("email_domains", words.EMAIL_DOMAINS)
        self.cities = half("cities", words.CITIES)
        self.streets = half("streets", words.STREETS)
        self.countries = half("countries", words.COUNTRIES)
        self.languages = half("languages", words.LANGUAGES)
        self.currencies = half("currencies", words.CURRENCIES)
        self.public_hosts = half("public_hosts", words.PUBLIC_HOSTS)
        self.search_params = half("search_params", words.SEARCH_PARAMS)
        self.page_params = half("page_params", words.PAGE_PARAMS)
        self.size_params = half("size_params", words.SIZE_PARAMS)
        self.sort_params = half("sort_params", words.SORT_PARAMS)
        self.directions = half("directions", words.DIRECTION_VALUES)
        self.sort_fields = half("sort_fields", words.SORT_FIELDS)
        self.filter_params = half("filter_params", words.FILTER_PARAMS)
        self.tracking_params = half("tracking_params", words.TRACKING_PARAMS)
        self.tracking_sources = half("tracking_sources", words.TRACKING_SOURCES)
        self.tracking_mediums = half("tracking_mediums", words.TRACKING_MEDIUMS)
        self.redirect_params = half("redirect_params", words.REDIRECT_PARAMS)
        self.url_params = half("url_params", words.URL_PARAMS)
        self.file_params = half("file_params", words.FILE_PARAMS)
        self.id_params = half("id_params", words.ID_PARAMS)
        self.token_params = half("token_params", words.TOKEN_PARAMS)
        self.form_fields = half("form_fields", words.FORM_FIELDS)
        self.file_names = half("file_names", words.FILE_NAMES)
        self.password_words = half("password_words", words.PASSWORD_WORDS)
        self.username_styles = half("username_styles", words.USERNAME_STYLES)
        self.review_sentences = half("review_sentences", words.REVIEW_SENTENCES)
        self.months = half("months", words.MONTHS)


class Values:
    """Composes realistic parameter values from one vocabulary half and one random generator."""

    def __init__(self, vocabulary: Vocabulary, rng):
        self.v = vocabulary
        self.rng = rng

    def pick(self, items):
        return self.rng.choice(items)

    def number(self, low=1, high=99999):
        return str(self.rng.randint(low, high))

    def uuid(self):
        hexdigits = "0123456789abcdef"
        parts = [8, 4, 4, 4, 12]
        return "-".join("".join(self.rng.choice(hexdigits) for _ in range(n)) for n in parts)

    def hex_token(self, length=None):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(length or self.rng.choice((16, 24, 32, 40))))

    def base64_token(self, length=None):
        alphabet = string.ascii_letters + string.digits + "+/"
        body = "".join(self.rng.choice(alphabet) for _ in range(length or self.rng.randint(16, 60)))
        return body + "=" * self.rng.choice((0, 0, 1, 2))

    def jwt_like(self):
        alphabet = string.ascii_letters + string.digits + "-_"
        segment = lambda n: "".join(self.rng.choice(alphabet) for _ in range(n))
        return "eyJ" + segment(30) + ".eyJ" + segment(self.rng.randint(40, 90)) + "." + segment(43)

    def slug(self, words_count=None):
        count = words_count or self.rng.randint(2, 6)
        pool = self.v.adjectives + self.v.nouns + self.v.verbs
        return "-".join(self.pick(pool).replace("-", "") for _ in range(count))

    def product_name(self):
        shape = self.rng.randint(0, 3)
        if shape == 0:
            return f"{self.pick(self.v.adjectives)} {self.pick(self.v.nouns)}"
        if shape == 1:
            return f"{self.pick(self.v.brands)} {self.pick(self.v.nouns)} {self.rng.choice(['', 'pro', 'mini', 'max', 'xl', '2', 'v3'])}".strip()
        if shape == 2:
            return f"{self.pick(self.v.adjectives)} {self.pick(self.v.adjectives)} {self.pick(self.v.nouns)}"
        return f"{self.pick(self.v.nouns)} {self.rng.choice(['for', 'with', 'and', 'or'])} {self.pick(self.v.nouns)}"

    def search_text(self):
        shape = self.rng.randint(0, 9)
        if shape <= 2:
            return self.product_name().replace("-", " ")
        if shape == 3:
            return self.pick(self.v.innocent_phrases)
        if shape == 4:
            return self.pick(self.v.punctuated_phrases)
        if shape == 5:
            return f"how to {self.pick(self.v.verbs)} a {self.pick(self.v.nouns).replace('-', ' ')}"
        if shape == 6:
            return f"{self.pick(self.v.nouns).replace('-', ' ')} {self.pick(self.v.innocent_phrases)}"
        if shape == 7:
            return f"best {self.pick(self.v.nouns).replace('-', ' ')} {self.rng.randint(2015, 2026)}"
        if shape == 8:
            return f"\"{self.product_name()}\" {self.rng.choice(['review', 'price', 'or', 'vs', 'and', 'near me'])}"
        return self.pick(self.v.punctuated_phrases) + " " + self.pick(self.v.nouns).replace("-", " ")

    def person(self):
        return self.pick(self.v.first_names), self.pick(self.v.last_names)

    def username(self):
        first, last = self.person()
        style = self.pick(self.v.username_styles)
        return style.format(first=first, last=last.replace("'", ""), f=first[0], n=self.rng.randint(1, 9999))

    def email(self):
        first, last = self.person()
        local = self.rng.choice([f"{first}.{last}", f"{first}{self.rng.randint(1, 99)}", f"{first[0]}{last}",
                                 f"{first}+{self.pick(self.v.nouns)}", f"{first}_{last}"])
        return f"{local.replace(chr(39), '')}@{self.pick(self.v.email_domains)}"

    def password(self):
        shape = self.rng.randint(0, 6)
        word = self.pick(self.v.password_words)
        symbols = "!@#$%^&*()-_+=?.,;:~"
        if shape == 0:
            return word.capitalize() + str(self.rng.randint(1, 9999)) + self.rng.choice(symbols)
        if shape == 1:
            return "-".join(self.pick(self.v.password_words) for _ in range(4))
        if shape == 2:
            return "".join(self.rng.choice(string.ascii_letters + string.digits + symbols) for _ in range(self.rng.randint(10, 24)))
        if shape == 3:
            leet = word.replace("a", "@").replace("o", "0").replace("e", "3").replace("s", "$")
            return leet.capitalize() + self.rng.choice(symbols) + str(self.rng.randint(10, 99))
        if shape == 4:
            # Quotes and semicolons do occur in real passwords; a password is free text.
            return word + self.rng.choice(["'", '"', ";", "<", ">", "`"]) + str(self.rng.randint(1, 999))
        if shape == 5:
            return self.base64_token(self.rng.randint(12, 20)).rstrip("=")
        return word + str(self.rng.randint(1900, 2030))

    def date(self):
        year, month, day = self.rng.randint(2015, 2027), self.rng.randint(1, 12), self.rng.randint(1, 28)
        shape = self.rng.randint(0, 4)
        if shape == 0:
            return f"{year}-{month:02d}-{day:02d}"
        if shape == 1:
            return f"{day:02d}/{month:02d}/{year}"
        if shape == 2:
            return f"{year}-{month:02d}-{day:02d}T{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}:00Z"
        if shape == 3:
            return f"{year}-{month:02d}-{day:02d}T{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}:00+0{self.rng.randint(1, 9)}:00"
        return f"{month}/{day}/{year}"

    def price(self):
        shape = self.rng.randint(0, 3)
        whole = self.rng.randint(1, 2500)
        if shape == 0:
            return f"{whole}.{self.rng.randint(0, 99):02d}"
        if shape == 1:
            return str(whole)
        if shape == 2:
            return f"{whole:,}.00"
        return f"{whole}.99"

    def public_url(self):
        host = self.pick(self.v.public_hosts)
        path = "/".join(self.slug(1) for _ in range(self.rng.randint(0, 3)))
        url = f"{self.rng.choice(['https', 'https', 'http'])}://{host}/{path}"
        if self.rng.random() < 0.3:
            url += f"?{self.pick(self.v.filter_params)}={self.slug(1)}"
        return url

    def sentence(self):
        first, _ = self.person()
        template = self.pick(self.v.review_sentences)
        return template.format(rel=self.rng.choice(["son", "daughter", "wife", "husband", "mum", "dad", "friend"]),
                               pronoun=self.rng.choice(["he", "she", "they"]), n=self.rng.randint(2, 12),
                               noun=self.pick(self.v.nouns).replace("-", " "), adj=self.pick(self.v.adjectives),
                               month=self.pick(self.v.months), name=first)

    def paragraph(self, sentences=None):
        return " ".join(self.sentence() for _ in range(sentences or self.rng.randint(2, 8)))
