"""Reading the two versions of a plan for a comparison, each with the settings that fit it.

The new version is read with its settings (``<new stem>.toml`` beside it, or the file given).
The old version is read with its own settings file if it has one, else with the new version's;
either way *without former names* (曾用名), so that an old name stays as the old text wrote it and
the comparison can report the rename instead of folding it away.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from matrix.api import load_plan
from matrix.diff.compare import diff_plans
from matrix.diff.model import PlanDiff
from matrix.graph import PlanGraph
from matrix.settings import Settings, load_settings, settings_path


def without_former_names(settings: Settings) -> Settings:
    """The same settings with every department's former names left out."""
    return replace(settings, departments=[replace(d, former_names=[]) for d in settings.departments])


def load_versions(
    old: str | Path,
    new: str | Path,
    settings_file: Path | None = None,
    old_settings_file: Path | None = None,
) -> tuple[PlanGraph, PlanGraph, Settings]:
    """Read both versions: the old graph, the new graph and the new version's settings."""
    old, new = Path(old), Path(new)
    settings = load_settings(new, settings_file)
    if old_settings_file is not None or settings_path(old).exists():
        old_settings = load_settings(old, old_settings_file)
    else:
        old_settings = settings
    return load_plan(old, without_former_names(old_settings)), load_plan(new, settings), settings


def diff_files(
    old: str | Path,
    new: str | Path,
    settings_file: Path | None = None,
    old_settings_file: Path | None = None,
) -> PlanDiff:
    """Read two versions of a plan (.txt or .docx, any mix) and compare them."""
    old_graph, new_graph, settings = load_versions(old, new, settings_file, old_settings_file)
    return diff_plans(old_graph, new_graph, settings)
