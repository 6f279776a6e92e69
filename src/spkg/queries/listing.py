"""The text of `spkg query --list`: each stored query with its summary and parameters."""

from __future__ import annotations

from spkg.queries.catalogue import ParamSpec, catalogue


def _param_line(spec: ParamSpec) -> str:
    flags = ["required"] if spec.required else []
    if spec.default is not None:
        flags.append(f"default {spec.default}")
    if spec.range:
        flags.append(f"in {spec.range}")
    extra = f" [{', '.join(flags)}]" if flags else ""
    return f"    --param {spec.name}=…  ({spec.type}){extra}  {spec.description}".rstrip()


def listing() -> str:
    lines: list[str] = []
    for name, stored in catalogue().items():
        question = f"Q{stored.question} " if stored.question else ""
        lines.append(f"{name}  {question}— {stored.summary}")
        lines += [_param_line(spec) for spec in stored.params]
        if stored.example:
            lines.append(f"    e.g. {stored.example}")
    return "\n".join(lines) + "\n"
