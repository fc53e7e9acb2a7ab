"""A small accessibility lint for rendered pages: one h1, a page language,
a label for every form control, alt text for images, a name for buttons and links."""

from html.parser import HTMLParser

UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.lang = None
        self.label_for = set()
        self.controls = []  # (tag, attrs, inside_label)
        self.images_without_alt = []
        self.label_depth = 0
        self.open_named = []  # [tag, attrs, text] of buttons and links being read
        self.unnamed = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if tag != "input" or attrs.get("type", "text") not in UNLABELLED_TYPES:
                self.controls.append((tag, attrs, self.label_depth > 0))
        elif tag == "img" and "alt" not in attrs:
            self.images_without_alt.append(attrs.get("src"))
        if tag in ("button", "a"):
            self.open_named.append([tag, attrs, ""])

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)
        if tag in ("button", "a") and self.open_named and self.open_named[-1][0] == tag:
            _tag, attrs, text = self.open_named.pop()
            if not text.strip() and not attrs.get("aria-label") and not attrs.get("aria-labelledby"):
                self.unnamed.append((tag, attrs))

    def handle_data(self, data):
        for entry in self.open_named:
            entry[2] += data


def accessibility_problems(html):
    page = _PageReader()
    page.feed(html)
    problems = []
    if not page.lang:
        problems.append("the <html> element has no lang")
    if page.h1_count != 1:
        problems.append(f"{page.h1_count} h1 headings instead of one")
    for tag, attrs, inside_label in page.controls:
        labelled = (
            inside_label or attrs.get("id") in page.label_for or attrs.get("aria-label") or attrs.get("aria-labelledby")
        )
        if not labelled:
            problems.append(f"<{tag} name={attrs.get('name')!r}> has no label")
    problems += [f"<img src={src!r}> has no alt text" for src in page.images_without_alt]
    problems += [f"<{tag} {attrs}> has no accessible name" for tag, attrs in page.unnamed]
    return problems


def assert_accessible(response):
    assert accessibility_problems(response.content.decode()) == []
