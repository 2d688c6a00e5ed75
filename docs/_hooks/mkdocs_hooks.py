"""MkDocs hooks (mkdocs.yml ``hooks:``): the reference pages, generated at build time.

``reference_pages`` writes each page from the code; here they are added to the site's
files, so the nav can name them and a strict build checks their links like any page's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import reference_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated reference page to the site's files."""
    from mkdocs.structure.files import File

    for path, text in reference_pages.pages().items():
        files.append(File.generated(config, path, content=text))
    return files
