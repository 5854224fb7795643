"""The targets on a held-out evaluation set: recall of planted duplicates and impostor
signals at least 0.95, precision of ``same`` at least 0.98, no hard negative called same."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_evalset import ORGANISATIONS, REPORT_SEED, build_eval_set, record_of
from linkage_scores import evaluate

from safepassage.cores.linkage import link_all


def test_held_out_set_meets_the_targets() -> None:
    evalset = build_eval_set(1500, REPORT_SEED)
    result = evaluate(evalset, link_all(record_of(row) for row in evalset.rows))
    assert result.by_kind["overall"].recall >= 0.95
    assert result.by_kind["cross_org"].recall >= 0.95
    assert result.by_kind["impostor_signal"].recall == 1.0
    assert result.same_precision >= 0.98
    for relation in ("namesake", "brother", "father_son"):
        assert result.wrong_same.get(relation, 0) == 0


def test_the_set_is_json_lines_for_cases_import_with_hard_negatives() -> None:
    evalset = build_eval_set(300, REPORT_SEED)
    kinds = {row.kind for row in evalset.rows}
    assert {"original", "namesake", "brother", "father_son"} <= kinds
    for organisation in ORGANISATIONS:
        for line in evalset.jsonl(organisation).splitlines():
            row = json.loads(line)
            assert row["legal_name"]
            assert row["country"]
