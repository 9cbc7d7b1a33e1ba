"""The grammar of attribution: what the rules in :mod:`toolkit.quotes.rules` read.

It works on one sentence at a time, on a copy of the text in which every quotation (marks
included) is masked, so a quotation is one token and the patterns around it read like
``Q, Smith said.`` or ``Smith said: Q``. No parser is needed: the functions read words,
capitals and punctuation, and their word lists live in ``toolkit/lang/data/``
(``quote_verbs*.txt``, ``quote_cue_phrases.txt``, ``quote_words.txt``, ``quote_nouns.tsv``,
``quote_source_nouns.txt``, ...), read by :mod:`toolkit.quotes._lexicon`.

Modules, from single words up to clauses:

- :mod:`~toolkit.quotes._grammar.words`: what kind of word a token is (adverb, abbreviation,
  relative pronoun, quantity, a word that ends a phrase);
- :mod:`~toolkit.quotes._grammar.mentions`: what a phrase names (a source who can hold a view,
  a name, a speaker; its head; which pronoun may stand for it);
- :mod:`~toolkit.quotes._grammar.phrases`: the speaker phrase before or after a cue;
- :mod:`~toolkit.quotes._grammar.cues`: speech cues ("said", "according to", "To Ruiz, ...")
  and whether a word is used as a verb;
- :mod:`~toolkit.quotes._grammar.subjects`: the subject of a sentence;
- :mod:`~toolkit.quotes._grammar.cue_speakers`: the speaker of a cue and the mention naming it;
- :mod:`~toolkit.quotes._grammar.content`: the clause a cue reports, where it ends, asides;
- :mod:`~toolkit.quotes._grammar.nominal`: speech nouns owned by a possessive ("his claim");
- :mod:`~toolkit.quotes._grammar.hedges`, :mod:`~toolkit.quotes._grammar.questions`,
  :mod:`~toolkit.quotes._grammar.topics`: hedges with no source, questions put to someone,
  and cues whose content is a noun phrase ("talked about the budget").
"""
