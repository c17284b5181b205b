"""Scanned pages → one compressed PDF per dossier component (bản số hóa thành phần hồ sơ).

Grey and colour pages are JPEG (DCTDecode) at the highest quality that keeps a page within
its byte budget (300 KB for a grey A4 page at 200 dpi, scaled by pixel count); black-and-white
pages are CCITT G4. The PDF is written with pyHanko's writer, so it can be signed
incrementally (PAdES) afterwards without rewriting.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass

from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from counter_app.domain.errors import ValidationError

from .options import ScannedPage

A4_200DPI_PIXELS = 1654 * 2339
BUDGET_A4_200DPI = 300 * 1024  # bytes
QUALITIES = (80, 72, 65, 58, 50, 42, 35)


@dataclass(frozen=True)
class PdfDocument:
    data: bytes
    pages: int
    qualities: tuple[int | None, ...]  # JPEG quality per page; None = G4 / Flate

    @property
    def kb_per_page(self) -> float:
        return len(self.data) / 1024 / max(1, self.pages)


def page_budget(image: Image.Image) -> int:
    w, h = image.size
    return max(20 * 1024, int(BUDGET_A4_200DPI * (w * h) / A4_200DPI_PIXELS))


def whiten_background(image: Image.Image, *, margin: int = 24) -> Image.Image:
    """Levels adjustment for documents: the paper (the brightest histogram peak) and its sensor
    noise become pure white, darker tones are stretched. Noise on blank paper is what makes
    scanned JPEGs big; text and stamps keep their contrast. Photos (no bright peak) are left as is."""
    grey = image.convert("L") if image.mode != "L" else image
    hist = grey.histogram()
    paper = max(range(128, 256), key=lambda v: hist[v])
    total = sum(hist)
    if hist[paper] * 50 < total or sum(hist[paper - 8:paper + 9]) * 3 < total:
        return image  # no dominant paper tone: a photo or a dark page
    white = max(64, paper - margin)
    lut = [min(255, v * 255 // white) for v in range(256)]
    if image.mode == "RGB":
        return image.point(lut * 3)
    return image.point(lut)


def encode_jpeg(image: Image.Image, *, budget: int) -> tuple[bytes, int]:
    """JPEG at the best quality within ``budget`` bytes (the lowest quality if none fits)."""
    data, quality = b"", QUALITIES[-1]
    for quality in QUALITIES:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality, optimize=True, subsampling="4:2:0")
        data = buf.getvalue()
        if len(data) <= budget:
            break
    return data, quality


def encode_bilevel(image: Image.Image) -> tuple[bytes, generic.DictionaryObject]:
    """CCITT G4 taken from a single-strip TIFF; Flate on packed bits if libtiff is missing."""
    w, h = image.size
    try:
        buf = io.BytesIO()
        image.save(buf, "TIFF", compression="group4", strip_size=((w + 7) // 8) * h)
        tif = Image.open(io.BytesIO(buf.getvalue()))
        offsets, counts = tif.tag_v2[273], tif.tag_v2[279]
        if len(offsets) == 1:
            raw = buf.getvalue()[offsets[0]:offsets[0] + counts[0]]
            params = generic.DictionaryObject({
                pdf_name("/K"): generic.NumberObject(-1), pdf_name("/Columns"): generic.NumberObject(w),
                pdf_name("/Rows"): generic.NumberObject(h), pdf_name("/BlackIs1"): generic.BooleanObject(False)})
            return raw, generic.DictionaryObject({pdf_name("/Filter"): pdf_name("/CCITTFaxDecode"),
                                                  pdf_name("/DecodeParms"): params})
    except (OSError, KeyError):
        pass
    return zlib.compress(image.tobytes(), 9), generic.DictionaryObject({pdf_name("/Filter"): pdf_name("/FlateDecode")})


def _image_xobject(page: ScannedPage) -> tuple[generic.StreamObject, int | None]:
    image = page.image
    w, h = image.size
    entries = {pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Image"),
               pdf_name("/Width"): generic.NumberObject(w), pdf_name("/Height"): generic.NumberObject(h)}
    quality: int | None = None
    if image.mode == "1":
        data, extra = encode_bilevel(image)
        entries.update(extra)
        entries[pdf_name("/BitsPerComponent")] = generic.NumberObject(1)
        entries[pdf_name("/ColorSpace")] = pdf_name("/DeviceGray")
    else:
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        data, quality = encode_jpeg(whiten_background(image), budget=page_budget(image))
        entries[pdf_name("/Filter")] = pdf_name("/DCTDecode")
        entries[pdf_name("/BitsPerComponent")] = generic.NumberObject(8)
        entries[pdf_name("/ColorSpace")] = pdf_name("/DeviceGray" if image.mode == "L" else "/DeviceRGB")
    return generic.StreamObject(generic.DictionaryObject(entries), encoded_data=data), quality


def build_pdf(pages: list[ScannedPage], *, title: str = "") -> PdfDocument:
    """Write ``pages`` (in this order) as one PDF; each page is the size of its scan."""
    if not pages:
        raise ValidationError("no pages to write", "Chưa có trang nào để tạo tệp PDF. Hãy quét ít nhất một trang.")
    writer = PdfFileWriter(stream_xrefs=False)
    if title:
        writer.set_info(generic.DictionaryObject({pdf_name("/Title"): generic.TextStringObject(title)}))
    qualities: list[int | None] = []
    for page in pages:
        xobject, quality = _image_xobject(page)
        qualities.append(quality)
        w_pt = page.image.size[0] * 72 / page.resolution
        h_pt = page.image.size[1] * 72 / page.resolution
        content = generic.StreamObject(stream_data=f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im0 Do Q".encode())
        resources = generic.DictionaryObject({pdf_name("/XObject"): generic.DictionaryObject(
            {pdf_name("/Im0"): writer.add_object(xobject)})})
        writer.insert_page(PageObject(writer.add_object(content), (0, 0, w_pt, h_pt), resources))
    out = io.BytesIO()
    writer.write(out)
    return PdfDocument(out.getvalue(), len(pages), tuple(qualities))


def is_blank(image: Image.Image, *, ink_ratio: float = 0.002, margin: float = 0.04) -> bool:
    """A page with (almost) no ink: less than ``ink_ratio`` dark pixels inside the margins."""
    grey = image.convert("L")
    w, h = grey.size
    mx, my = int(w * margin), int(h * margin)
    core = grey.crop((mx, my, w - mx, h - my))
    scale = 400 / max(1, core.size[0])
    if scale < 1:
        core = core.resize((400, max(1, int(core.size[1] * scale))), Image.Resampling.BOX)
    histogram = core.histogram()
    dark = sum(histogram[:160])
    return dark / max(1, core.size[0] * core.size[1]) < ink_ratio


def thumbnail(image: Image.Image, *, max_px: int = 240) -> bytes:
    """A small JPEG of a page for the UI's page strip."""
    thumb = image.convert("L" if image.mode in ("1", "L") else "RGB")
    thumb.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=70)
    return buf.getvalue()
