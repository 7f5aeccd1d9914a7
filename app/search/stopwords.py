"""Words too common to search by, in each language Peerdesk indexes: Snowball's lists (the
ones PostgreSQL's english and italian configurations use), plus what English contractions
leave ("won" of "won't", and "wont" typed without the apostrophe) and the Italian
elisions Snowball's list lacks ("quest'app", "quell'aggiornamento", "nessun'altra", "un
po'", "qual è"): a word splits at its apostrophe, straight or typographic, so "dell'app"
is "dell" and "app". "Cosa" ("what") asks, as "che" does; as "thing" it says nothing to
search by. (Both cost relevance on SQuAD-it's Italian questions when searched.) The query drops them
before any backend sees it, so an English "not" never matches an Italian stem; and they
tell which language a question is written in."""

from __future__ import annotations


def _list(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _list("""
arent cant couldnt didnt doesnt dont hadnt hasnt havent im isnt ive shouldnt wasnt werent
wont wouldnt
a about above after again against all am an and any are aren as at be because been
before being below between both but by can could couldn d did didn do does doesn doing
don down during each few for from further get got had has hasn have haven having he her
here hers herself him himself his how i if in into is isn it its itself just ll m me
more most my myself no nor not now of off on once only or other our ours ourselves out
over own re s same she should shouldn so some such t than that the their theirs them
themselves then there these they this those through to too under until up ve very was
wasn we were what when where which while who whom why will with won would wouldn you
your yours yourself yourselves
""")

ITALIAN = _list("""
a abbia abbiamo abbiano abbiate ad agl agli ai al all alla alle allo anche avemmo avendo
avete aveva avevi avevo avrai avrei avrà avrò avuta avute avuti avuto c che chi ci coi
col come con contro cui da dagl dagli dai dal dall dalla dalle dallo degl degli dei del
dell della delle dello di dov dove e ebbe ebbero ebbi ed era erano eravamo eravate eri
ero essendo fai fanno farai farei farà farò fece feci fosse fossi foste fosti fu fui
fummo furono gli ha hai hanno ho i il in io l la le lei li lo loro lui ma mi mia mie
miei mio ne negl negli nei nel nell nella nelle nello noi non nostra nostre nostri
nostro o per perché più quale quanta quante quanti quanto quella quelle quelli quello
questa queste questi questo sarai sarei sarà sarò se sei si sia siamo siano siate siete
sono sta stai stando stanno starà starò stava stavi stavo stemmo stia stiamo stiano
stiate sto su sua sue sugl sugli sui sul sull sulla sulle sullo suo suoi ti tra tu tua
tue tuo tuoi tutti tutto un una uno vi voi vostra vostre vostri vostro è
quest quell nessun po qual cosa
""")

BY_LANGUAGE = {"en": ENGLISH, "it": ITALIAN}
ALL = ENGLISH | ITALIAN


def language_of(words: list[str]) -> str | None:
    """The language whose common words the question uses most, if any clearly."""
    counts = {language: sum(word in common for word in words)
              for language, common in BY_LANGUAGE.items()}
    best = max(counts, key=counts.get)
    others = [count for language, count in counts.items() if language != best]
    return best if counts[best] > max(others) else None
