"""The audit registry: every module under auditor/audits/<category>/ holds one audit."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from auditor.audits.base import Audit, SiteAudit


@cache
def all_audits() -> tuple[Audit, ...]:
    found = []
    for category in pkgutil.iter_modules(__path__):
        if not category.ispkg:
            continue
        package = importlib.import_module(f"{__name__}.{category.name}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and issubclass(cls, Audit) and hasattr(cls, "meta"):
                    assert cls.meta.category == category.name, f"{cls.meta.id} is filed under {category.name}"
                    found.append(cls())
    ids = [a.meta.id for a in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"audit ids declared twice: {duplicates}"
    return tuple(sorted(found, key=lambda a: (a.meta.category, a.meta.id)))


def get_audit(audit_id: str) -> Audit:
    for audit in all_audits():
        if audit.meta.id == audit_id:
            return audit
    raise KeyError(audit_id)


__all__ = ["Audit", "SiteAudit", "all_audits", "get_audit"]
