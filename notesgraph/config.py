"""The vault's own settings: ``notesgraph.yml`` (or ``.notesgraph.yml``) at the vault root.

```yaml
exclude: ["개인/**", "일일 노트/**"]    # folders/files never published (glob, vault-relative)
aliases: {lambda: [람다함수]}            # more names for catalogue services
services:                                # services the catalogue lacks
  - {id: my-service, label: My Service, category: compute, names: [MySvc], ko: [마이서비스]}
not_services: [Terraform]               # words that must never count as services
```
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Diagnostic

CONFIG_NAMES = ("notesgraph.yml", ".notesgraph.yml", "notesgraph.yaml")


@dataclass(frozen=True)
class VaultConfig:
    exclude: tuple[str, ...] = ()
    catalog_extra: dict[str, Any] = field(default_factory=dict)
    source: str | None = None

    def excluded(self, path: str) -> bool:
        """True for a vault-relative path matched by an ``exclude`` pattern."""
        for pattern in self.exclude:
            folder = pattern.rstrip("/")
            if fnmatch.fnmatchcase(path, pattern) or path.startswith(folder + "/"):
                return True
        return False


def load_config(vault: Path) -> tuple[VaultConfig, list[Diagnostic]]:
    """Read the vault's config file if there is one; problems are reported, not raised."""
    for name in CONFIG_NAMES:
        path = vault / name
        if path.is_file():
            break
    else:
        return VaultConfig(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return VaultConfig(source=name), [
            Diagnostic(name, 0, "bad-config", f"cannot read vault config: {error}", "defaults used")
        ]
    if not isinstance(data, dict):
        return VaultConfig(source=name), [
            Diagnostic(name, 0, "bad-config", "vault config is not a mapping", "defaults used")
        ]
    exclude = data.get("exclude") or []
    if isinstance(exclude, str):
        exclude = [exclude]
    extra = {k: data[k] for k in ("aliases", "services", "not_services") if data.get(k)}
    return VaultConfig(exclude=tuple(str(e) for e in exclude), catalog_extra=extra, source=name), []
