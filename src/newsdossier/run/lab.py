"""JupyterLab for the project's notebooks: saving one keeps it in its committed form.

`make lab` passes `keep_committed_form` to Jupyter's contents manager as its pre-save hook, so that
running a notebook to explore and letting JupyterLab autosave it leaves `git status` clean: the
outputs, execution counts and kernel metadata a session adds are never written to the committed
file, while edits to the cells themselves are. Executed copies live in the run folders (reports/).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def strip_session(notebook: dict[str, Any], committed_metadata: dict[str, Any] | None) -> None:
    """Remove what a session adds to a notebook: outputs, execution counts, and new metadata."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        execution = cell.get("metadata", {})
        execution.pop("execution", None)  # JupyterLab's timing metadata, when its recording is on
    if committed_metadata is not None:
        notebook["metadata"] = committed_metadata


def keep_committed_form(model: dict[str, Any], path: str, contents_manager: Any, **_: Any) -> None:
    """Jupyter pre-save hook: save a notebook without outputs and with its metadata as committed."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    on_disk = Path(contents_manager.root_dir) / path.lstrip("/")
    committed = None
    try:
        committed = json.loads(on_disk.read_text(encoding="utf-8")).get("metadata")
    except (OSError, ValueError):
        pass  # a new notebook: it keeps the metadata it was created with
    strip_session(model["content"], committed)
