"""A scanned PDF (pages that are only pictures) read with Tesseract, when the machine has it with Vietnamese data.

Debian: ``apt-get install tesseract-ocr tesseract-ocr-vie``. Without it a scan is refused with a message saying so.
What OCR reads is never trusted: the importer marks every field it fills from such a text for checking against the
paper (see ``import_plan``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...core.vntext import nfc

__all__ = ["available", "ocr_pdf"]


def available() -> bool:
    """Tesseract is installed with its Vietnamese data."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        languages = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in languages.split()


def ocr_pdf(path: Path) -> str:
    """The text Tesseract reads in the pictures of each page, page after page ("" when there is no picture)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages: list[str] = []
    with tempfile.TemporaryDirectory(prefix="thidua-ocr-") as tmp:
        for number, page in enumerate(reader.pages, 1):
            texts = []
            for index, image in enumerate(page.images):
                target = Path(tmp) / f"p{number}-{index}.png"
                image.image.save(target)  # Pillow, already needed for photos
                # One thread: Tesseract's OpenMP threads only fight each other on a small shared machine.
                result = subprocess.run(["tesseract", str(target), "stdout", "-l", "vie", "--psm", "4"],
                                        capture_output=True, text=True, timeout=300,
                                        env={**os.environ, "OMP_THREAD_LIMIT": "1"})
                if result.returncode == 0:
                    texts.append(result.stdout)
            pages.append("\n".join(texts))
    return nfc("\n".join(pages)).replace("\f", "\n")
