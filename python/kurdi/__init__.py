"""kurdi: Central Kurdish (Sorani) text processing at C++ speed.

The compiled core (:mod:`kurdi._kurdi`) wraps the kurdi C++ library; this module adds one-call
functions with cached engines and :class:`Pipeline`.

Quick start::

    >>> import kurdi
    >>> kurdi.normalize("بةرهةمةكاني ئةفين")
    'بەرهەمەکانی ئەفین'
    >>> [t.text for t in kurdi.tokenize("سڵاو، چۆنی؟")]
    ['سڵاو', '،', 'چۆنی', '؟']
    >>> kurdi.to_latin("کوردستان و ئێران")
    'kurdistan û êran'
    >>> p = kurdi.Pipeline(["decode", "normalize", "tokenize"])
    >>> p("ئەمڕۆ هەوا خۆشە")
    ['ئەمڕۆ', 'هەوا', 'خۆشە']

Every object is immutable after construction and safe to share between threads; every call into
C++ releases the GIL, so threads scale on long texts and batches. Bad options raise ValueError;
invalid UTF-8 in ``bytes`` input becomes U+FFFD, or raises UnicodeDecodeError under
``utf8="strict"`` (normalize, decode) / ``strict=True`` (Pipeline).
"""
from __future__ import annotations

import functools
import itertools
import json
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _kurdi
from ._kurdi import (  # noqa: F401  (re-exported)
    Analyzer,
    Detector,
    LegacyDecoder,
    Normalizer,
    NumberSpeller,
    SentenceSplitter,
    Token,
    Tokenizer,
    Transliterator,
    Verbalizer,
    find_invalid_utf8,
    sanitize_utf8,
)

HAVE_SPELL: bool = bool(_kurdi.HAVE_SPELL)
if HAVE_SPELL:
    from ._kurdi import SpellChecker  # noqa: F401

__version__: str = _kurdi.__version__

Text = Union[str, bytes]

__all__ = [
    "Analyzer", "Detector", "LegacyDecoder", "Normalizer", "NumberSpeller", "SentenceSplitter",
    "Token", "Tokenizer", "Transliterator", "Verbalizer", "Pipeline", "STAGES",
    "normalize", "normalize_batch", "tokenize", "words", "sentences", "analyze", "lemmatize",
    "lemmas", "stem", "inflect", "known", "transliterate", "to_latin", "to_arabic", "g2p",
    "number_to_words", "ordinal", "words_to_number", "numbers_to_words", "numbers_to_digits",
    "verbalize", "detect", "detect_font", "decode", "check", "suggest", "spell_check",
    "find_invalid_utf8", "sanitize_utf8", "HAVE_SPELL", "__version__",
]


def _key(kwargs: Dict[str, Any]) -> str:
    return json.dumps(kwargs, sort_keys=True, ensure_ascii=False, default=repr)


@functools.lru_cache(maxsize=64)
def _engine(kind: str, key: str) -> Any:
    """One engine per (kind, options), built once per process and shared (engines are thread-safe)."""
    kwargs = json.loads(key)
    if kind == "normalize":
        return Normalizer(**kwargs)
    if kind == "tokenize":
        return Tokenizer(**kwargs)
    if kind == "sentences":
        return SentenceSplitter(**kwargs)
    if kind == "morph":
        return Analyzer(**kwargs)
    if kind == "translit":
        return Transliterator(**kwargs)
    if kind == "numbers":
        return NumberSpeller(**kwargs)
    if kind == "verbalize":
        return Verbalizer(**kwargs)
    if kind == "detect":
        return Detector(**kwargs)
    if kind == "decode":
        return LegacyDecoder(**kwargs)
    if kind == "spell":
        if not HAVE_SPELL:
            raise RuntimeError("kurdi: this build has no spell stage")
        return SpellChecker(**kwargs)
    raise ValueError(f"kurdi: unknown engine {kind!r}")


def _get(kind: str, **kwargs: Any) -> Any:
    return _engine(kind, _key(kwargs))


# ---- normalize -------------------------------------------------------------------------------

def normalize(text: Text, profile: str = "standard", **options: Any) -> str:
    """Normalize Sorani text (see :class:`Normalizer` for the options).

    >>> normalize("كوردستان")
    'کوردستان'
    >>> normalize("١٢٣", digits="latin")
    '123'
    """
    return _get("normalize", profile=profile, **options).normalize(text)


def normalize_batch(texts: Iterable[Text], profile: str = "standard", **options: Any) -> List[str]:
    """Normalize many texts in one call (the GIL is released once for the whole batch)."""
    return _get("normalize", profile=profile, **options).normalize_batch(texts)


# ---- tokenize / sentences --------------------------------------------------------------------

def tokenize(text: Text, normalized: bool = True, **options: Any) -> List[Token]:
    """Tokens of `text` (:class:`Token`: text, normalized, type, start, end).

    >>> [(t.text, t.type) for t in tokenize("لە ساڵی ٢٠٢١ www.rudaw.net")]
    [('لە', 'word'), ('ساڵی', 'word'), ('٢٠٢١', 'number'), ('www.rudaw.net', 'url')]
    """
    return _get("tokenize", **options).tokenize(text, normalized)


def words(text: Text, **options: Any) -> List[str]:
    """Token texts only (the fastest tokenization call)."""
    return _get("tokenize", **options).words(text)


def sentences(text: Text, **options: Any) -> List[str]:
    """Sentences of a paragraph.

    >>> sentences("ئەمڕۆ هەوا خۆشە. سبەی باران دەبارێت.")
    ['ئەمڕۆ هەوا خۆشە.', 'سبەی باران دەبارێت.']
    """
    return _get("sentences", **options).split(text)


# ---- morph -----------------------------------------------------------------------------------

def analyze(word: str, **options: Any) -> List[Dict[str, Any]]:
    """Morphological analyses of one word, best first (lemma, pos, features, morphs, guessed, score)."""
    return _get("morph", **options).analyze(word)


def lemmatize(word_or_text: str, **options: Any) -> Union[str, List[str]]:
    """Lemma of a word; for a text with several tokens, the list of lemmas (non-words kept as is).

    >>> lemmatize("کتێبەکان")
    'کتێب'
    """
    a = _get("morph", **options)
    toks = words(word_or_text)
    if len(toks) <= 1:
        return a.lemma(word_or_text)
    return [a.lemma(w) for w in toks]


def lemmas(word: str, n: int = 4, **options: Any) -> List[str]:
    """Up to n candidate lemmas of a word, best first."""
    return _get("morph", **options).lemmas(word, n)


def stem(word: str, **options: Any) -> str:
    """Stem of a word (the lemma without its inflection; for verbs the present/past stem)."""
    return _get("morph", **options).stem(word)


def inflect(lemma: str, tags: str, **options: Any) -> List[str]:
    """Forms of `lemma` for UniMorph `tags` (e.g. "N;DEF;PL")."""
    return _get("morph", **options).inflect(lemma, tags)


def known(word: str, **options: Any) -> bool:
    """True when the analyzer knows the word (a non-guessed analysis)."""
    return _get("morph", **options).known(word)


# ---- translit --------------------------------------------------------------------------------

def to_latin(text: Text, **options: Any) -> str:
    """Arabic-script Sorani -> Kurdish Latin (Hawar).

    >>> to_latin("کوردستان و ئێران")
    'kurdistan û êran'
    """
    return _get("translit", **options).to_latin(text)


def to_arabic(text: Text, **options: Any) -> str:
    """Kurdish Latin -> Arabic-script Sorani."""
    return _get("translit", **options).to_arabic(text)


def transliterate(text: Text, to: str = "latin", **options: Any) -> str:
    """Transliterate to "latin" or "arabic"."""
    if to == "latin":
        return to_latin(text, **options)
    if to == "arabic":
        return to_arabic(text, **options)
    raise ValueError(f"kurdi.transliterate: to must be 'latin' or 'arabic', not {to!r}")


def g2p(text: Text, ipa: bool = False, verbalize: bool = True, **options: Any) -> str:
    """Phonemes of an Arabic-script text (AsoSoft notation, or IPA with ipa=True).

    As `kurdi g2p` does, numbers, dates, times, phone numbers and units are first read out with the
    number verbalizer (abbreviations and Latin acronyms stay as written); verbalize=False keeps
    digits as they are.

    >>> g2p("ساڵی ٢٠٢١")
    '.sa.łî .dû .he.za.rû .bîs.tû .yek'
    """
    if verbalize:  # the options of kurdi::VerbalizeOptions::for_g2p()
        text = _get("verbalize", abbreviations=False, acronyms=False).verbalize(text)
    return _get("translit", ipa=ipa, **options).g2p(text)


# ---- numbers ---------------------------------------------------------------------------------

def number_to_words(n: Union[int, str], **options: Any) -> str:
    """Sorani words of an integer, or of a numeric literal given as a string ("12.5", "٥٠٪").

    >>> number_to_words(1991)
    'هەزار و نۆ سەد و نەوەد و یەک'
    """
    sp = _get("numbers", **options)
    if isinstance(n, bool):
        raise ValueError("kurdi.number_to_words: expected an int or a numeric string, not a bool")
    if isinstance(n, int):
        return sp.cardinal(n)
    if isinstance(n, str):
        r = sp.number(n)
        if r is None:
            raise ValueError(f"kurdi.number_to_words: {n!r} is not a number")
        return r
    raise ValueError(f"kurdi.number_to_words: expected an int or a numeric string, not {type(n).__name__}")


def ordinal(n: int, emin: bool = False, **options: Any) -> str:
    """Ordinal words of n (-ەم; emin=True gives the -ەمین form)."""
    return _get("numbers", **options).ordinal(n, emin)


def words_to_number(text: str, **options: Any) -> Optional[int]:
    """Value of Sorani number words, or None."""
    return _get("numbers", **options).parse(text)


def numbers_to_words(text: Text, **options: Any) -> str:
    """Rewrite every number of a text as words."""
    return _get("numbers", **options).text_to_words(text)


def numbers_to_digits(text: Text, **options: Any) -> str:
    """Rewrite number words of a text as digits."""
    return _get("numbers", **options).text_to_digits(text)


def verbalize(text: Text, **options: Any) -> str:
    """Speakable form of a text (numbers, dates, times, units, abbreviations ...), for TTS."""
    return _get("verbalize", **options).verbalize(text)


# ---- detect / decode -------------------------------------------------------------------------

def detect(text: Text, **options: Any) -> Dict[str, Any]:
    """Language of a text: {'label': 'ckb', 'script': 'Arab', 'confidence': 0.99}."""
    return _get("detect", **options).detect(text)


def detect_font(text: Text, **options: Any) -> Tuple[str, float]:
    """Legacy font a paragraph was typed for: ("alik", 0.97), or ("none", ...) for Unicode text."""
    return _get("decode", **options).detect_font(text)


def decode(text: Text, font: str = "auto", **options: Any) -> str:
    """Legacy-font text (Ali-K, Ali-Web, Dylan, Zarnegar) -> Unicode Sorani; font="auto" detects it."""
    return _get("decode", **options).decode(text, font)


# ---- spell -----------------------------------------------------------------------------------

def check(word: str, **options: Any) -> bool:
    """True when the word is valid Sorani (spell stage)."""
    return _get("spell", **options).check(word)


def suggest(word: str, n: int = 5, **options: Any) -> List[Tuple[str, float]]:
    """Ranked spelling suggestions (word, cost) for a word."""
    return _get("spell", **options).suggest(word, n)


def spell_check(text: Text, n: int = 5, **options: Any) -> List[Dict[str, Any]]:
    """Flagged spans of running text: {start, end, word, suggestions}."""
    return _get("spell", **options).check_text(text, n)


# ---- Pipeline --------------------------------------------------------------------------------

#: Stage names a Pipeline accepts. Text stages rewrite the text; the others end the pipeline.
STAGES: Dict[str, str] = {
    "decode": "text: legacy-font text -> Unicode (options: font='auto'|'alik'|..., min_words)",
    "normalize": "text: normalization (options: profile=..., every Normalizer option)",
    "latin": "text: Arabic script -> Kurdish Latin (Transliterator options)",
    "arabic": "text: Kurdish Latin -> Arabic script (Transliterator options)",
    "g2p": "text: phonemes (Transliterator options, ipa=True for IPA)",
    "words": "text: numbers -> words (NumberSpeller options)",
    "digits": "text: number words -> digits (NumberSpeller options)",
    "verbalize": "text: speakable text for TTS (Verbalizer options)",
    "tokenize": "final: list of token texts (Tokenizer options)",
    "tokens": "final: list of Token objects (Tokenizer options)",
    "sentences": "final: list of sentences (SentenceSplitter options)",
    "lemmatize": "final: lemma of every token (Analyzer options)",
    "stem": "final: stem of every token (Analyzer options)",
    "detect": "final: {'label', 'script', 'confidence'} (Detector options)",
    "spell": "final: flagged spans {'start', 'end', 'word', 'suggestions'} (SpellChecker options)",
}

StageSpec = Union[str, Tuple[str, Dict[str, Any]]]


def _canonical(stages: Sequence[StageSpec]) -> List[Tuple[str, Dict[str, Any]]]:
    out = []
    for s in stages:
        if isinstance(s, str):
            out.append((s, {}))
        elif isinstance(s, (tuple, list)) and len(s) == 2 and isinstance(s[0], str) and isinstance(s[1], dict):
            out.append((s[0], dict(s[1])))
        elif isinstance(s, dict) and "stage" in s:
            d = dict(s)
            out.append((d.pop("stage"), d))
        else:
            raise ValueError(f"kurdi.Pipeline: a stage is a name, a (name, {{options}}) pair or "
                             f"{{'stage': name, ...options}}, got {s!r}")
    return out


@functools.lru_cache(maxsize=32)
def _compiled(spec: str, strict: bool) -> "_kurdi.Pipeline":
    stages = [(name, opts) for name, opts in json.loads(spec)]
    return _kurdi.Pipeline(stages, strict)


class Pipeline:
    """Pipeline(stages, strict=False, batch_size=256)

    Runs configured stages over a string or an iterable of strings. ``stages`` is a list of stage
    names or ``(name, {options})`` pairs, in order: any number of text stages (decode, normalize,
    latin, arabic, g2p, words, digits, verbalize), optionally ended by one structured stage
    (tokenize, tokens, sentences, lemmatize, stem, detect, spell). See :data:`STAGES`.

    The C++ engines are built once per process and options (a Pipeline pickles as its
    configuration, so a Dask worker builds them once and reuses them). Calls release the GIL;
    iterables are processed in batches of ``batch_size`` texts per C++ call.

    >>> p = Pipeline(["normalize", ("tokenize", {"split_clitics": True})])
    >>> p("کتێبەکانم")
    ['کتێب', 'ەکان', 'م']
    >>> list(p.map(["سڵاو", "چۆنی"]))
    [['سڵاو'], ['چۆنی']]
    """

    def __init__(self, stages: Sequence[StageSpec], strict: bool = False, batch_size: int = 256) -> None:
        if isinstance(stages, str):
            stages = [stages]
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"kurdi.Pipeline: batch_size must be a positive int, got {batch_size!r}")
        self._stages = _canonical(stages)
        self._strict = bool(strict)
        self.batch_size = batch_size
        self._spec = json.dumps(self._stages, sort_keys=True, ensure_ascii=False)
        self._p = _compiled(self._spec, self._strict)

    @property
    def stages(self) -> List[Tuple[str, Dict[str, Any]]]:
        """The configured stages, as (name, options) pairs."""
        return [(n, dict(o)) for n, o in self._stages]

    def __repr__(self) -> str:
        return f"kurdi.Pipeline({self.stages!r}, strict={self._strict})"

    def __reduce__(self) -> Any:
        return (Pipeline, (self._stages, self._strict, self.batch_size))

    def run(self, text: Text) -> Any:
        """Runs the pipeline over one text."""
        return self._p.run(text)

    def run_batch(self, texts: Iterable[Text]) -> List[Any]:
        """Runs the pipeline over a list of texts in one C++ call (GIL released for the batch)."""
        return self._p.run_batch(texts)

    def map(self, texts: Iterable[Text], batch_size: Optional[int] = None) -> Iterator[Any]:
        """Lazily runs the pipeline over an iterable (e.g. a file), batch by batch, in order."""
        n = batch_size or self.batch_size
        it = iter(texts)
        run_batch = self._p.run_batch
        while True:
            chunk = list(itertools.islice(it, n))
            if not chunk:
                return
            yield from run_batch(chunk)

    def __call__(self, texts: Union[Text, Iterable[Text]]) -> Any:
        """A str/bytes gives one result; any other iterable gives an iterator of results."""
        if isinstance(texts, (str, bytes, bytearray)):
            return self._p.run(texts)
        return self.map(texts)
