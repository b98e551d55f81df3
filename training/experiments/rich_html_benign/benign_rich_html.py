"""HTML as WYSIWYG editors (TinyMCE, CKEditor, Quill, the WordPress block editor) post it: images with
sizes and alt text, embedded video and maps in iframes, inline styles, links that open a new tab,
figures with captions, tables and `&nbsp;`.

Why: the plain rich text of `benign.Benign.rich_text` has bare tags only, so to the model any tag with
attributes was an attack's; a post embedding a YouTube video scored like XSS. Scripts, event handlers
and `javascript:` URLs never appear here: those stay the XSS signal.
"""

# YouTube embeds are the commonest by far, so they are in both halves; every other list is split.
YOUTUBE = ["https://www.youtube.com/embed/{video}", "https://www.youtube-nocookie.com/embed/{video}"]
EMBED_HOSTS = [
    "https://player.vimeo.com/video/{digits}", "https://www.dailymotion.com/embed/video/x{lower}",
    "https://open.spotify.com/embed/track/{video}", "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/{digits}",
    "https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d{digits}", "https://player.twitch.tv/?video={digits}&parent=example.com",
    "https://www.loom.com/embed/{lower}", "https://codepen.io/team/embed/{lower}?default-tab=result",
    "https://docs.google.com/presentation/d/{video}/embed", "https://www.tiktok.com/embed/v2/{digits}",
]
IFRAME_ATTRIBUTES = [
    'width="560" height="315"', 'width="640" height="360"', 'width="100%" height="450"', 'width="480" height="270"',
    'frameborder="0"', 'allowfullscreen', 'allowfullscreen="allowfullscreen"', 'loading="lazy"',
    'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"',
    'title="YouTube video player"', 'referrerpolicy="strict-origin-when-cross-origin"', 'style="border:0;"',
]
IMAGE_ATTRIBUTES = [
    'width="{w}" height="{h}"', 'class="aligncenter size-large"', 'loading="lazy"', 'style="max-width: 100%;"',
    'class="image_resized" style="width:50%;"', 'decoding="async"', 'data-align="center"', 'class="img-fluid"',
]
STYLES = [
    "text-align: center;", "text-align: right;", "color: #e03e2d;", "font-size: 14pt;", "padding-left: 40px;",
    "background-color: #fbeeb8;", "font-family: Georgia, serif;", "text-decoration: underline;", "margin: 0 auto;",
]
IMAGE_HOSTS = ["https://cdn.example.com/uploads/", "https://images.example.org/", "/wp-content/uploads/2024/05/",
               "https://i.imgur.com/", "/media/", "https://res.cloudinary.com/demo/image/upload/"]


class BenignRichHtml:
    def __init__(self, pools):
        half = pools.half
        self.embed_hosts = half("rich_embed_hosts", EMBED_HOSTS)
        self.iframe_attributes = half("rich_iframe_attributes", IFRAME_ATTRIBUTES)
        self.image_attributes = half("rich_image_attributes", IMAGE_ATTRIBUTES)
        self.styles = half("rich_styles", STYLES)
        self.image_hosts = half("rich_image_hosts", IMAGE_HOSTS)

    def html(self, val) -> str:
        rng = val.rng
        parts = []
        for _ in range(rng.randint(1, 4)):
            kind = rng.random()
            if kind < 0.25:
                parts.append(self._iframe(val))
            elif kind < 0.5:
                image = self._image(val)
                parts.append(f"<figure class=\"image\">{image}<figcaption>{val.sentence()}</figcaption></figure>"
                             if rng.random() < 0.4 else f"<p>{image}</p>")
            elif kind < 0.7:
                tag = rng.choice(["p", "span", "h2", "div"])
                parts.append(f'<{tag} style="{val.pick(self.styles)}">{val.sentence()}</{tag}>')
            elif kind < 0.85:
                parts.append(f'<p>{val.sentence()} <a href="{val.public_url()}" target="_blank" rel="noopener noreferrer">'
                             f'{val.product_name()}</a>&nbsp;</p>')
            else:
                rows = "".join(f"<tr><td>{val.product_name()}</td><td>{val.number(1, 999)}</td></tr>" for _ in range(rng.randint(1, 3)))
                parts.append(f'<table style="border-collapse: collapse; width: 100%;"><tbody>{rows}</tbody></table>')
        return "".join(parts)

    def _iframe(self, val) -> str:
        rng = val.rng
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
        values = {"video": "".join(rng.choice(alphabet) for _ in range(11)), "digits": val.number(10_000_000, 999_999_999),
                  "lower": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(6, 12)))}
        source = (rng.choice(YOUTUBE) if rng.random() < 0.5 else val.pick(self.embed_hosts)).format(**values)
        attributes = rng.sample(self.iframe_attributes, rng.randint(1, min(4, len(self.iframe_attributes))))
        return f'<iframe src="{source}" {" ".join(attributes)}></iframe>'

    def _image(self, val) -> str:
        rng = val.rng
        width = rng.choice([300, 640, 800, 1024, 1200])
        attributes = rng.sample(self.image_attributes, rng.randint(1, min(3, len(self.image_attributes))))
        attributes = " ".join(a.format(w=width, h=width * rng.choice([9, 10, 12]) // 16) for a in attributes)
        source = f"{val.pick(self.image_hosts)}{val.slug(2)}-{width}x{width * 9 // 16}.{rng.choice(['jpg', 'png', 'webp'])}"
        return f'<img src="{source}" alt="{val.product_name()}" {attributes}>'
