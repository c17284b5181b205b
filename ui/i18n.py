"""Interface language. Vietnamese is the source language; English comes from Qt Linguist.

Translations live in ``resources/translations/``: ``quay_mot_cua_<lang>.ts`` (edited in
Qt Linguist, kept in sync with the code by ``pylupdate6``) and the compiled ``.qm``
loaded here. See ``resources/translations/README.md`` for the update commands.
"""

from __future__ import annotations

import os
import sys

from PyQt6.QtCore import QCoreApplication, QLocale, QTranslator

from counter_app.resources import resource_path

SOURCE_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
CATALOG_NAME = "quay_mot_cua"
_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def language_from_env() -> str:
    """``$QMC_LANG`` (``vi`` default, ``en``); an unknown value falls back to Vietnamese."""
    lang = os.environ.get("QMC_LANG", SOURCE_LANGUAGE).strip().lower() or SOURCE_LANGUAGE
    lang = lang.split("_")[0].split("-")[0]
    if lang not in LANGUAGES:
        print(f"QMC_LANG={lang!r} is not supported ({', '.join(LANGUAGES)}); using Vietnamese.", file=sys.stderr)
        return SOURCE_LANGUAGE
    return lang


def current_language() -> str:
    """The interface language now: ``en`` once :func:`install_language` set English, else ``vi``.

    Read from the default locale :func:`install_language` sets, so code that only needs to
    choose between the core's ``message_vi`` and ``message_en`` (``ui/labels.py``) asks here.
    """
    return "en" if QLocale().language() == QLocale.Language.English else SOURCE_LANGUAGE


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Set the number/date locale and install the translator of ``lang`` (``None`` for the source).

    A missing ``.qm`` leaves the interface in Vietnamese, with a warning on stderr.
    """
    QLocale.setDefault(_LOCALES.get(lang, _LOCALES[SOURCE_LANGUAGE]))
    if lang == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    directory = resource_path("translations")
    if not translator.load(f"{CATALOG_NAME}_{lang}", str(directory)):
        print(f"translation {CATALOG_NAME}_{lang}.qm not found in {directory}; using Vietnamese.", file=sys.stderr)
        QLocale.setDefault(_LOCALES[SOURCE_LANGUAGE])  # all Vietnamese, core messages too
        return None
    app.installTranslator(translator)
    return translator


def remove_language(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
    QLocale.setDefault(_LOCALES[SOURCE_LANGUAGE])
