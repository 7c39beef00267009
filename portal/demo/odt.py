"""A small OpenDocument Text (.odt) writer: headings, paragraphs and bulleted lists.

An ODT file is a zip: `mimetype` first and uncompressed (so a reader can recognise the
file from its first bytes), then the manifest, the content, the styles and the metadata.
Entries carry a fixed date, so the same text always gives the same bytes.
"""

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

MIMETYPE = "application/vnd.oasis.opendocument.text"
FIXED_DATE = (2017, 11, 1, 0, 0, 0)
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3"'
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: list[str]


def odt_document(title, blocks, language="sl", country="SI"):
    """The bytes of an .odt file with `title` in its metadata and `blocks` as its text."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        write(archive, "mimetype", MIMETYPE, zipfile.ZIP_STORED)
        write(archive, "META-INF/manifest.xml", MANIFEST)
        write(archive, "content.xml", content_xml(blocks))
        write(archive, "styles.xml", styles_xml(language, country))
        write(archive, "meta.xml", meta_xml(title, language))
    return out.getvalue()


def write(archive, name, text, compression=zipfile.ZIP_DEFLATED):
    entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    entry.compress_type = compression
    archive.writestr(entry, text.encode())


def content_xml(blocks):
    body = "\n".join(block_xml(block) for block in blocks)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-content {NAMESPACES}>\n"
        f"<office:body><office:text>\n{body}\n</office:text></office:body>\n"
        "</office:document-content>\n"
    )


def block_xml(block):
    if isinstance(block, Heading):
        return (
            f'<text:h text:style-name="Heading_20_{block.level}" '
            f'text:outline-level="{block.level}">{escape(block.text)}</text:h>'
        )
    if isinstance(block, Paragraph):
        return f'<text:p text:style-name="Text_20_body">{escape(block.text)}</text:p>'
    items = "".join(
        f'<text:list-item><text:p text:style-name="List_20_body">{escape(item)}</text:p>'
        "</text:list-item>"
        for item in block.items
    )
    return f'<text:list text:style-name="Bullets">{items}</text:list>'


MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" \
manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def meta_xml(title, language):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-meta {NAMESPACES}>\n"
        f"<office:meta><dc:title>{escape(title)}</dc:title><dc:language>{language}</dc:language>"
        "<meta:generator>portal.demo</meta:generator></office:meta>\n"
        "</office:document-meta>\n"
    )


def styles_xml(language, country):
    """Calm, readable defaults: body text, two heading levels and a bulleted list."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}>
<office:styles>
<style:default-style style:family="paragraph">
 <style:text-properties fo:font-size="11pt" fo:language="{language}" fo:country="{country}"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" \
style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="130%"/>
</style:style>
<style:style style:name="List_20_body" style:display-name="List body" style:family="paragraph" \
style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:margin-bottom="0.1cm"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" \
style:parent-style-name="Standard" style:default-outline-level="1">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.4cm"/>
 <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" \
style:parent-style-name="Standard" style:default-outline-level="2">
 <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm"/>
 <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
</style:style>
<text:list-style style:name="Bullets">
 <text:list-level-style-bullet text:level="1" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" \
text:list-tab-stop-position="0.6cm" fo:text-indent="-0.6cm" fo:margin-left="0.6cm"/>
  </style:list-level-properties>
 </text:list-level-style-bullet>
</text:list-style>
</office:styles>
</office:document-styles>
"""
