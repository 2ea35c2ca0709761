"""The data dictionary, generated from data/datapackage.json: the schema is written once."""

from __future__ import annotations

import pandas as pd

from afterassad.core.text import md


def _allowed(field: dict) -> str:
    cons = field.get("constraints", {})
    parts = []
    if "enum" in cons:
        parts.append("one of: " + ", ".join(cons["enum"]))
    if "minimum" in cons or "maximum" in cons:
        parts.append(f"from {cons.get('minimum', '−∞')} to {cons.get('maximum', '∞')}")
    if cons.get("unique"):
        parts.append("unique")
    if field["type"] == "date":
        parts.append("YYYY-MM-DD")
    return "; ".join(parts)


def field_table(resource: dict) -> pd.DataFrame:
    rows = [
        {
            "Column": f["name"],
            "Type": f["type"],
            "Required": "yes" if f.get("constraints", {}).get("required") else "",
            "Unit": f.get("unit", ""),
            "Allowed values": _allowed(f),
            "Description": f["description"],
        }
        for f in resource["schema"]["fields"]
    ]
    frame = pd.DataFrame(rows)
    return frame if frame["Unit"].any() else frame.drop(columns="Unit")


def table_rules(resource: dict) -> list[str]:
    """Keys, references and row rules of one table, in words."""
    schema = resource["schema"]
    key = schema["primaryKey"]
    rules = [f"Primary key: {', '.join(key) if isinstance(key, list) else key}."]
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        rules.append(f"{fk['fields']} refers to {ref['resource']}.{ref['fields']}.")
    for fk in schema.get("x-listForeignKeys", []):
        ref = fk["reference"]
        rules.append(
            f"Each of the '{fk['separator']}'-separated values in {fk['fields']} refers to {ref['resource']}.{ref['fields']}."
        )
    rules += [rule["description"].capitalize() + "." for rule in schema.get("x-rowRules", [])]
    if "x-targetRows" in schema:
        rules.append(schema["x-targetRows"]["description"].capitalize() + ".")
    return rules


def resource_header(resource: dict, n_rows: int) -> str:
    """A MyST block: target, file name, row count, description and rules (all escaped)."""
    used = ", ".join(resource.get("x-usedBy", [])) or "none yet"
    lines = [
        f"(table-{resource['name']})=",
        f"**{md(resource['title'])}**: `{resource['path']}`, {n_rows} rows. {md(resource['description'])}",
        "",
        f"*Used by:* {md(used)}. " + " ".join(md(r) for r in table_rules(resource)),
    ]
    return "\n".join(lines)
