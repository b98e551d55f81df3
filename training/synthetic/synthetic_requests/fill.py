"""Fills {name} placeholders in templates that also contain literal braces (JSON, PHP serialisations,
LaTeX, regexes): only known names are replaced, every other brace is left as written."""
import re

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def substitute(text: str, values: dict) -> str:
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)
