"""The answers every operation can give before or besides its own, declared in the schema.

The access policy answers 401 (no or unknown token), 403 (the token's role may not do
this) and 503 (server sealed) before django-ninja runs; django-ninja answers 400 for a
body that is not JSON and 422 for input that does not fit the schema, with ``detail`` a
list of problems, while an operation's own 422 carries one sentence. Undeclared, these
made the schema lie to clients (found by schemathesis in ``make assure``).
"""

from __future__ import annotations

from typing import Any

REFUSAL = {
    "title": "Refusal",
    "type": "object",
    "properties": {"detail": {"title": "Detail", "type": "string"}},
    "required": ["detail"],
}
INPUT_PROBLEM = {
    "title": "InputProblem",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "object"}},
            ],
        }
    },
    "required": ["detail"],
}
WHY = {
    "400": "The body is not JSON",
    "401": "No token, or a revoked or unknown one",
    "403": "The token's role may not do this",
    "404": "No such case among those the token may see",
    "422": "The input does not fit: one sentence, or a list of problems",
    "503": "The server is sealed",
}


def _answer(code: str) -> dict[str, Any]:
    name = "InputProblem" if code == "422" else "Refusal"
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}
    return {"description": WHY[code], "content": content}


def declare_common_answers(schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(Refusal=REFUSAL, InputProblem=INPUT_PROBLEM)
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            answers = operation.setdefault("responses", {})
            codes = ["401", "403", "503"]
            if "{reference}" in path:
                codes.append("404")
            if operation.get("parameters") or operation.get("requestBody"):
                codes.append("422")
            if operation.get("requestBody"):
                codes.append("400")
            for code in codes:
                if code == "422" or code not in answers:
                    answers[code] = _answer(code)
    return schema
