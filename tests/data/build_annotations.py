"""Regenerate tests/data/annotations.jsonl from the span list below.

Run from the repository root:  python3 tests/data/build_annotations.py

Each entry names the offending text, optionally a longer context string that
contains it (used to pick the right occurrence) and/or an occurrence index.
Offsets are found by searching, never typed by hand. The search ignores the
difference between U+00A0 / U+202F and a plain space and between ' and ’
(one-for-one substitutions, so offsets are unchanged); the stored "text" is
always the exact slice of the file.

Needs the seed at ../shared/seed/article.txt (relative to the repo root).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
OUT = ROOT / "tests" / "data" / "annotations.jsonl"

CATEGORY = {
    "MT101": "locale/quotes",
    "MT102": "locale/quotes",
    "MT103": "fluency/punctuation",
    "MT104": "locale/spacing",
    "MT105": "locale/spacing",
    "MT106": "fluency/punctuation",
    "MT201": "accuracy/untranslated",
    "MT202": "accuracy/untranslated",
    "MT203": "fluency/capitalisation",
    "MT301": "locale/transliteration",
    "MT302": "locale/transliteration",
    "MT401": "residue/markup",
    "MT402": "residue/markup",
    "MT403": "residue/boilerplate",
    "MT404": "residue/duplicate",
    "MT501": "fluency/grammar",
    "MT502": "fluency/calque",
    "MT601": "accuracy/mistranslation",
    "MT602": "accuracy/mistranslation",
    "MT603": "accuracy/mistranslation",
    "MT604": "accuracy/omission",
    "MT605": "accuracy/addition",
    "MT606": "accuracy/untranslated",
}
SEVERITY = {
    "MT101": "minor", "MT102": "minor", "MT103": "minor", "MT104": "minor",
    "MT105": "minor", "MT106": "minor", "MT201": "major", "MT202": "minor",
    "MT203": "minor", "MT301": "minor", "MT302": "minor", "MT401": "major",
    "MT402": "minor", "MT403": "major", "MT404": "major", "MT501": "major",
    "MT502": "minor", "MT601": "critical", "MT602": "major", "MT603": "critical",
    "MT604": "major", "MT605": "minor", "MT606": "major",
}


def loosen(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")


# (code, text, context or None, occurrence index of the context (or of the text))
SPUN_SAMPLE = [
    ("MT404", "Pyongyang aurait envoyé 1 500 soldats de ses forces spéciales en Russie, selon Séoul", None, 1),
    ("MT404", "Pyongyang aurait envoyé 1 500 soldats de ses forces spéciales en Russie, selon Séoul", None, 2),
    ("MT601", "soldats russes en Ukraine", "l'envoi de soldats russes en Ukraine", 0),
    ("MT502", "au jour d'aujourd'hui", None, 0),
    ("MT403", "Suivez la couverture complète", None, 0),
    ("MT403", "Guerre en Ukraine : le conflit au jour le jour", None, 0),
    ("MT403", "Partager sur Facebook", None, 0),
    ("MT402", "(nouvelle fenêtre)", None, 0),
    ("MT103", ")c", "fenêtre)ce vendredi", 0),
    ("MT501", "« troupes en nombre important »", None, 0),
    ("MT104", "?", "civil ou militaire?", 0),
    ("MT104", ":", "renseignement: “Il", 0),
    ("MT101", "“", "renseignement: “Il", 0),
    ("MT101", "”", "militaire”a-t-il", 0),
    ("MT103", "”a", "militaire”a-t-il", 0),
    ("MT203", "Source", "D'après cette Source", 0),
    ("MT502", "bases incluses", None, 0),
    ("MT301", "Ussuriysk", None, 0),
    ("MT301", "Blagoveshchensk", None, 0),
    ("MT201", "They are expected to be deployed to the front line once their acclimatisation period is over.", None, 0),
    ("MT601", "nord-coréen", "Le vice-ministre nord-coréen de la Défense", 0),
    ("MT101", "“", "confirmer “à ce stade”", 0),
    ("MT101", "”", "confirmer “à ce stade”", 0),
    ("MT501", "confirmer “à ce stade” déployer", None, 0),
    ("MT203", "Source", "une Source au sein de la présidence", 0),
    ("MT601", "Séoul", "aux soldats de Séoul", 0),
    ("MT101", "“", "“Une grave menace”", 0),
    ("MT101", "”", "“Une grave menace”", 0),
    ("MT301", "Sergei", None, 0),
    ("MT301", "Shoigu", None, 0),
    ("MT401", '<img src="https://cdn.infos-monde24.fr/2024/10/coree-nord-soldats.jpg" alt="" loading="lazy" class="jsx-3120457781">', None, 0),
    ("MT401", 'type="image/webp" class="jsx-99"> type="image/jpeg" class="jsx-99">>>>', None, 0),
    ("MT403", "Lire aussi", None, 0),
    ("MT403", "Kim Jong-un inspecte un nouveau site d'enrichissement d'uranium", None, 0),
    ("MT203", "Réunion", "une Réunion d'urgence", 0),
    ("MT502", "résultats en déploiements", None, 0),
    ("MT103", "»c", "troupes »constitue", 0),
    ("MT103", "»a", "internationale »a estimé", 0),
    ("MT301", "Zelenskiy", None, 0),
    ("MT502", "supporter", "pour supporter l'armée", 0),
    ("MT501", "« plan de victoire »", "mercredi « plan de victoire »", 0),
    ("MT101", "“", "“une coalition de criminels”", 0),
    ("MT101", "”", "“une coalition de criminels”", 0),
    ("MT301", "Dmitriy", None, 0),
    ("MT403", "For Latest Updates Follow us on Google News", None, 0),
    ("MT403", "PREV Tempête Kirk : vigilance orange pluie-inondation dans six départements", None, 0),
    ("MT403", "NEXT Prix des carburants : légère baisse à la pompe cette semaine", None, 0),
]

SEED_ANN = [
    ("MT404", "Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?", None, 1),
    ("MT404", "Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?", None, 2),
    ("MT601", "soldats russes en Ukraine", "envoyer des soldats russes en Ukraine", 0),
    ("MT403", "Suivez la couverture complète", None, 0),
    ("MT403", "Guerre en Ukraine : un conflit sans fin", None, 0),
    ("MT501", "« troupes importantes »", None, 0),
    ("MT402", "(nouvelle fenêtre)", None, 0),
    ("MT103", ")c", "fenêtre)ce vendredi", 0),
    ("MT101", "“", "sud-coréen “Il", 0),
    ("MT101", "”", "Corée du Nord”a-t-il", 0),
    ("MT103", "”a", "Corée du Nord”a-t-il", 0),
    ("MT203", "Source", "Selon cette Source", 0),
    ("MT502", "bases incluses", None, 0),
    ("MT101", "“", "incluses “à Vladivostok", 0),
    ("MT301", "Ussuriysk", None, 0),
    ("MT301", "Blagoveshchensk", None, 0),
    ("MT101", "”", "formation” acclimatation", 0),
    ("MT501", "acclimatation", "formation” acclimatation", 0),
    ("MT101", "“", "confirmer “à ce stade”", 0),
    ("MT101", "”", "confirmer “à ce stade”", 0),
    ("MT501", "confirmer “à ce stade” envoyer", None, 0),
    ("MT203", "Source", "une Source à la présidence", 0),
    ("MT203", "Unies", "Nations Unies", 0),
    ("MT502", "résultats en déploiements", None, 0),
    ("MT103", "»r", "troupes »représente", 0),
    ("MT103", "»a", "internationale »a souligné", 0),
    ("MT401", '• type="image/avif" class="jsx-2028956212"> type="image/jpeg" class="jsx-2028956212"> type="image/avif" class="jsx-2028956212"> type="image/jpeg" class="jsx-2028956212"> type="image/avif" class="jsx-2028956212"> type="image/jpeg" class="jsx-2028956212">>>>>>>', None, 0),
    ("MT403", "Lire aussi", None, 0),
    ("MT403", "La Corée du Nord est la première à publier des images d'une usine d'uranium enrichi", None, 0),
    ("MT301", "Zelenskiy", None, 0),
    ("MT501", "« plan de victoire »", None, 0),
    ("MT101", "“", "“la coalition des criminels”", 0),
    ("MT101", "”", "“la coalition des criminels”", 0),
    ("MT403", "For Latest Updates Follow us on Google News", None, 0),
    ("MT403", "PREV Alerte ORANGE « pluie crue » et « orages », à 8 heures du matin", None, 0),
    ("MT403", "NEXT fortes pluies attendues dans quelques heures, alerte activée", None, 0),
]

TENNIS_PARA = (
    "Mené d'un break dans la dernière manche, le Lyonnais (classé 41e mondial)a su renverser "
    "la situation grâce à son service. Le joueur de 24 ans a obtenu cette Victoire au bout de "
    "deux heures et dix-huit minutes de jeu."
)
TENNIS = [
    ("MT404", "Tennis : Lucas Meyrand renverse le favori et file en quarts de finale", None, 1),
    ("MT301", "Dmitriy", None, 0),
    ("MT302", "Sokolovskiy", None, 0),
    ("MT103", ")a", "mondial)a su", 0),
    ("MT203", "Victoire", "cette Victoire", 0),
    ("MT101", "“", "“J'ai joué", 0),
    ("MT101", "”", "bout”a-t-il", 0),
    ("MT103", "”a", "bout”a-t-il", 0),
    ("MT401", "&nbsp;", None, 0),
    ("MT403", "Read more", None, 0),
    ("MT201", "He will face the world number three on Friday.", None, 0),
    ("MT404", TENNIS_PARA, None, 1),
    ("MT103", ")a", "mondial)a su", 1),
    ("MT203", "Victoire", "cette Victoire", 1),
    ("MT302", "Sokolovskiy", None, 1),
    ("MT101", "“", "“un manque de constance”", 0),
    ("MT101", "”", "“un manque de constance”", 0),
    ("MT403", "Share this article", None, 0),
]

TECH = [
    ("MT401", '<p class="lead">', None, 0),
    ("MT203", "Enquête", "Une Enquête", 0),
    ("MT401", "</p>", None, 0),
    ("MT203", "Rapport", "ce Rapport", 0),
    ("MT101", "“", "“un nombre limité de cas”", 0),
    ("MT101", "”", "“un nombre limité de cas”", 0),
    ("MT103", "”e", "de cas”et", 0),
    ("MT502", "adresser le problème", None, 0),
    ("MT201", "The update will roll out to all users in the coming weeks.", None, 0),
    ("MT502", "supporte", "qui supporte la recharge", 0),
    ("MT202", "pre-order", None, 0),
    ("MT103", ")e", "Canada)et", 0),
    ("MT403", "Click here to subscribe to our newsletter", None, 0),
    ("MT101", "“", "“Les utilisateurs", 0),
    ("MT101", "”", "en sécurité”", 0),
    ("MT403", "Share this article", None, 0),
]

METEO_PARA = (
    "Les rafales pourraient atteindre 130 km/h sur le littoral (selon les prévisionnistes)dans "
    "la nuit de mardi à mercredi, et 100 km/h dans les terres. Le service météorologique "
    "évoque une \"tempête d'automne classique mais intense\"."
)
METEO = [
    ("MT203", "Alerte", "Cette Alerte", 0),
    ("MT103", ")d", "prévisionnistes)dans", 0),
    ("MT102", "\"tempête d'automne classique mais intense\"", None, 0),
    ("MT104", "?", "s'inquiéter?", 0),
    ("MT502", "Au jour d'aujourd'hui", None, 0),
    ("MT403", "Lire aussi", None, 0),
    ("MT403", "Tempête Ciarán : un an après, les forêts bretonnes toujours meurtries", None, 0),
    ("MT104", ":", "Consignes:", 0),
    ("MT201", "Residents are advised to stay indoors and avoid coastal paths.", None, 0),
    ("MT401", "&nbsp;", None, 0),
    ("MT404", METEO_PARA, None, 1),
    ("MT103", ")d", "prévisionnistes)dans", 1),
    ("MT102", "\"tempête d'automne classique mais intense\"", None, 1),
    ("MT402", "(nouvelle fenêtre)", None, 0),
]

PEOPLE = [
    ("MT404", "Inès Valmont et Romain Castel se sont dit oui en secret", None, 1),
    ("MT203", "Source", "une Source proche", 0),
    ("MT401", '<span class="caption">', None, 0),
    ("MT401", "</span>", None, 0),
    ("MT101", "“", "“C'était", 0),
    ("MT101", "”", "d'enfance”", 0),
    ("MT203", "Source", "cette Source", 0),
    ("MT103", "»a", "jamais »a confié", 0),
    ("MT201", "The couple have been together since 2019.", None, 0),
    ("MT502", "fait du sens", None, 0),
    ("MT403", "Share this article", None, 0),
    ("MT101", "“", "“protéger", 0),
    ("MT101", "”", "vraiment”", 0),
    ("MT403", "For Latest Updates Follow us on Google News", None, 0),
]

ECO = [
    ("MT203", "Rapport", "Selon ce Rapport publié", 0),
    ("MT301", "Nabiullina", None, 0),
    ("MT103", ")l", "plus bas)le", 0),
    ("MT403", "Read more", None, 0),
    ("MT301", "Dmitriy", None, 0),
    ("MT301", "Sergey", None, 0),
    ("MT201", "The report says the current growth model is not sustainable in the long term.", None, 0),
    ("MT401", '<p class="lead">&nbsp;</p>', None, 0),
    ("MT301", "Shoigu", None, 0),
    ("MT301", "Andrey", None, 0),
    ("MT301", "Belousov", None, 0),
    ("MT301", "Yevgeny", None, 0),
    ("MT301", "Prigozhin", None, 0),
    ("MT203", "Rapport", "selon ce Rapport par", 0),
    ("MT502", "Au jour d'aujourd'hui", None, 0),
]

DOCS = [
    ("corpora/samples/spun-north-korea.txt", SPUN_SAMPLE),
    ("seed", SEED_ANN),
    ("tests/data/spun/sport-tennis-bale.txt", TENNIS),
    ("tests/data/spun/tech-batterie-smartphone.txt", TECH),
    ("tests/data/spun/meteo-alerte-tempete.txt", METEO),
    ("tests/data/spun/people-mariage-chanteuse.txt", PEOPLE),
    ("tests/data/spun/economie-russie-sanctions.txt", ECO),
]


def occurrences(haystack: str, needle: str) -> list[int]:
    found, i = [], haystack.find(needle)
    while i != -1:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def locate(text: str, span: str, context: str | None, nth: int) -> tuple[int, int]:
    loose, span_l = loosen(text), loosen(span)
    if context is None:
        hits = occurrences(loose, span_l)
        if nth >= len(hits):
            raise SystemExit(f"only {len(hits)} occurrence(s) of {span!r}, wanted #{nth}")
        start = hits[nth]
    else:
        context_l = loosen(context)
        hits = occurrences(loose, context_l)
        if nth >= len(hits):
            raise SystemExit(f"only {len(hits)} occurrence(s) of context {context!r}")
        if len(hits) > 1:
            print(f"note: context {context!r} occurs {len(hits)} times, using #{nth}")
        inner = context_l.find(span_l)
        if inner < 0:
            raise SystemExit(f"{span!r} not inside its context {context!r}")
        start = hits[nth] + inner
    return start, start + len(span_l)


def main() -> int:
    rows, seen = [], set()
    for doc, entries in DOCS:
        path = SEED if doc == "seed" else ROOT / doc
        text = path.read_text(encoding="utf-8")
        for code, span, context, nth in entries:
            start, end = locate(text, span, context, nth)
            key = (doc, start, end, code)
            if key in seen:
                raise SystemExit(f"duplicate annotation {key}")
            seen.add(key)
            rows.append({
                "doc": doc,
                "start": start,
                "end": end,
                "text": text[start:end],
                "category": CATEGORY[code],
                "severity": SEVERITY[code],
                "code": code,
            })
    rows.sort(key=lambda r: (r["doc"] != "corpora/samples/spun-north-korea.txt",
                             r["doc"] != "seed", r["doc"], r["start"], r["end"], r["code"]))
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} annotations to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
