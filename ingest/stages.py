"""The pipeline's stages, in a registry (as spaCy registers its factories).

A stage is a callable ``stage(source) -> source`` with a ``name``. Stages are
built only when a source needs processing, so a factory may load models; what
decides a stage's output (its code, word lists, archive.yml, the codebook, the
model) is hashed by ``archive.pipeline.settings_fingerprint`` into each source's
fingerprint, so changing any of it re-ingests every source, and nothing else does.

Stages are built from the project config by their factory::

    @register_stage("redact")
    def make_redactor(config: ProjectConfig) -> Stage: ...

The order is fixed (read → segment → redact → tag); which factory fills each step
is config (``pipeline:`` in archive.yml), so any step can be replaced.
"""

from __future__ import annotations

import importlib
from typing import Callable, Protocol

from ingest.config import ProjectConfig
from ingest.model import PipelineError, Source


class Stage(Protocol):
    name: str

    def __call__(self, source: Source) -> Source: ...


StageFactory = Callable[[ProjectConfig], Stage]

STEPS = ("segment", "redact", "tag")  # reading is per format: see ingest.readers
_factories: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    def decorator(factory: StageFactory) -> StageFactory:
        _factories[name] = factory
        return factory

    return decorator


# Where the built-in stages live: imported only when a pipeline names them, so a
# pipeline without the NLP stages never pays for importing spaCy.
BUILTIN = {"segment": "ingest.segment", "redact": "ingest.redact", "tag": "ingest.themes",
           "tag_embeddings": "ingest.themes.learnt"}


def stage_factory(name: str, where: str = "") -> StageFactory:
    """The factory registered under ``name``: built in, from an installed plug-in (entry point
    group ``quote_archive.stages``), or a dotted path (``my_plugin.stages:make_tagger``)."""
    from ingest import plugins

    if name not in _factories and name in BUILTIN:
        importlib.import_module(BUILTIN[name])  # registers its factory
    if name not in _factories:
        found = plugins.load("stages", name)
        if found is None and plugins.is_dotted(name):
            found = plugins.load_dotted(name, where)
        if found is not None:
            _factories[name] = found
    if name not in _factories:
        known = sorted(set(_factories) | set(BUILTIN) | set(plugins.entry_points("stages")))
        raise PipelineError(f"{where}unknown stage {name!r}; known: {', '.join(known)} (or a plug-in's "
                            "dotted path, package.module:factory).")
    return _factories[name]


def build_stages(config: ProjectConfig) -> list[Stage]:
    where = f"{config.path}: " if config.path else ""
    return [stage_factory(config.pipeline.get(step, step), f"{where}pipeline step {step!r}: ")(config)
            for step in STEPS]
