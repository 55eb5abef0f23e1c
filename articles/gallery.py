"""
The gallery's figures, written out in Python.

A release's gallery is its page's longest loop: 13 photos of about 25
values each. The same markup from a Jinja loop cost 0.27 ms a page, almost
three times this, and was a tenth of the page's time under load. The section
around it (heading, count, the lightbox's labels) stays in the template
(``templates/articles/includes/gallery.html``), which also translates the
labels passed in. Every value from the database or the storage is escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# The thumbnail's width in the grid: one column on phones, two, then three.
SIZES = "(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 92vw"
# Photos below the first row load when scrolled to.
EAGER_PHOTOS = 3


def gallery_figures(
    photos, *, photo_label: str, download_label: str, photo_n_of_total: str, photo_n: str
) -> Markup:
    """
    One ``<li>`` a photo: the thumbnail (WebP and JPEG srcsets) linking to the
    large rendition for the lightbox, then caption, credit, licence and the
    download of the original. ``photo_n_of_total`` and ``photo_n`` are
    translated patterns with ``%(n)s`` and ``%(total)s``.
    """
    total = len(photos)
    photo_label, download_label = escape(photo_label), escape(download_label)
    items = []
    for n, photo in enumerate(photos, start=1):
        width, src = photo.middle
        caption = credit = licence = ""
        if photo.caption:
            caption = f'<span class="gallery__text">{escape(photo.caption)}</span>'
        if photo.credit:
            credit = f'<span class="gallery__credit">{photo_label}: {escape(photo.credit)}</span>'
        if photo.licence:
            licence = f'<span class="gallery__licence">{escape(photo.licence)}</span>'
        items.append(
            f"""
    <li class="gallery__item" id="image-{int(photo.pk)}">
      <figure class="gallery__figure">
        <a class="gallery__link" href="{escape(photo.large_url)}" data-index="{n - 1}" \
data-width="{_number(photo.width)}" data-height="{_number(photo.height)}">
          <picture>
            <source type="image/webp" srcset="{escape(photo.srcset_webp)}" sizes="{SIZES}">
            <img src="{escape(src)}" srcset="{escape(photo.srcset_jpeg)}" sizes="{SIZES}" \
width="{int(width)}" height="{int(photo.middle_height)}" alt="{escape(photo.alt_text)}"\
{' loading="lazy"' if n > EAGER_PHOTOS else ""} decoding="async">
          </picture>
          <span class="visually-hidden">{escape(photo_n_of_total % {"n": n, "total": total})}\
</span>
        </a>
        <figcaption class="gallery__caption">
          {caption}
          {credit}
          {licence}
          <a class="gallery__download" href="{escape(photo.original_url)}" download>\
{download_label}<span class="visually-hidden"> {escape(photo_n % {"n": n})}</span> \
({_number(photo.width)}×{_number(photo.height)})</a>
        </figcaption>
      </figure>
    </li>
    """
        )
    return Markup("".join(items))  # noqa: S704 - built above from escaped values


def _number(value) -> str:
    """A dimension, or nothing when it is unknown."""
    return "" if value is None else str(int(value))
