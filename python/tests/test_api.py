"""The kurdi Python API: every capability, options, errors, offsets, pickling, threads, help()."""
import concurrent.futures
import pickle
import pydoc

import pytest

import kurdi

SENT = "ئەمڕۆ هەوا لە هەولێر خۆش بوو، سبەی باران دەبارێت."


# ---- normalize -------------------------------------------------------------------------------

def test_normalize_arabic_typed_sorani():
    assert kurdi.normalize("بةرهةمةكاني ئةفين") == "بەرهەمەکانی ئەفین"
    assert kurdi.normalize("كوردستان") == "کوردستان"


def test_normalize_is_idempotent_and_keeps_clean_text():
    clean = kurdi.normalize(SENT)
    assert clean == SENT
    assert kurdi.normalize(clean) == clean


def test_normalize_options_and_profiles():
    assert kurdi.normalize("١٢٣", digits="latin") == "123"
    assert kurdi.normalize("123", digits="arabic") == "١٢٣"
    assert kurdi.normalize("بەرهەمـــەکان", tatweel=False) != kurdi.normalize("بەرهەمـــەکان")
    n = kurdi.Normalizer("search")
    assert n.options["digits"] == "latin" or n.options["zwnj"] == "drop"
    assert kurdi.Normalizer(digits="latin").options["digits"] == "latin"
    assert kurdi.Normalizer()("كورد") == "کورد"


def test_normalize_bad_options_raise_value_error():
    with pytest.raises(ValueError, match="digits"):
        kurdi.normalize("x", digits="roman")
    with pytest.raises(ValueError, match="unknown normalize option 'colour'"):
        kurdi.Normalizer(colour=True)
    with pytest.raises(ValueError, match="profile"):
        kurdi.Normalizer("fancy")
    with pytest.raises(ValueError, match="True or False"):
        kurdi.Normalizer(tatweel="yes")


def test_normalize_bytes_replace_and_strict():
    bad = "سڵاو ".encode() + b"\xff\xfe" + " هاوڕێ".encode()
    out = kurdi.normalize(bad)
    assert "\ufffd" in out and out.startswith("سڵاو") and out.endswith("هاوڕێ")
    strict = kurdi.Normalizer(utf8="strict")
    with pytest.raises(UnicodeDecodeError) as e:
        strict.normalize(bad)
    assert e.value.start == len("سڵاو ".encode())
    assert "strict" in str(e.value)
    assert strict.normalize("سڵاو".encode()) == "سڵاو"


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        kurdi.normalize(42)
    with pytest.raises(TypeError):
        kurdi.Normalizer().normalize_batch("a single string")


def test_lone_surrogate_is_an_error_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        kurdi.normalize("a\ud800b")


def test_normalize_batch():
    texts = ["كورد", "بةرهةم", ""]
    assert kurdi.normalize_batch(texts) == [kurdi.normalize(t) for t in texts]


# ---- tokenize / sentences --------------------------------------------------------------------

def test_tokens_have_text_type_offsets():
    text = "لە ساڵی ٢٠٢١، سەردانی www.rudaw.net بکە 😀"
    toks = kurdi.tokenize(text)
    assert [t.text for t in toks][:3] == ["لە", "ساڵی", "٢٠٢١"]
    types = {t.text: t.type for t in toks}
    assert types["٢٠٢١"] == "number"
    assert types["،"] == "punct"
    assert types["www.rudaw.net"] == "url"
    assert types["😀"] == "emoji"
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert text.encode()[t.byte_start:t.byte_end].decode() == t.text
    assert all(isinstance(t.normalized, str) for t in toks)


def test_token_normalized_and_bytes_offsets():
    text = "كتيبةكان باشن"
    toks = kurdi.tokenize(text)
    assert toks[0].normalized == kurdi.normalize("كتيبةكان")
    b = text.encode()
    for t in kurdi.tokenize(b):
        assert b[t.start:t.end].decode() == t.text


def test_token_is_iterable_picklable_and_dict():
    toks = kurdi.tokenize("سڵاو هاوڕێ")
    assert len(list(iter(toks))) == 2
    t = pickle.loads(pickle.dumps(toks[0]))
    assert t == toks[0] and t.text == "سڵاو"
    d = toks[1].to_dict()
    assert d["text"] == "هاوڕێ" and d["type"] == "word" and d["start"] == 5
    assert "Token(" in repr(toks[0])


def test_split_clitics_and_words():
    pieces = kurdi.words("کتێبەکانم", split_clitics=True)
    assert len(pieces) >= 2 and "".join(pieces) == "کتێبەکانم"
    assert kurdi.words("سڵاو، چۆنی؟") == ["سڵاو", "،", "چۆنی", "؟"]
    # the analyzer-backed segmenter of `kurdi tokenize --split-clitics`: the rule tables alone
    # leave this word whole (its stem is not among their attested stems)
    assert kurdi.words("پەیامنێرانی", split_clitics=True) == ["پەیامنێر", "ان", "ی"]
    assert kurdi.Tokenizer(split_clitics=True).words("پەیامنێرانی") == ["پەیامنێر", "ان", "ی"]
    with pytest.raises(ValueError, match="unknown tokenize option"):
        kurdi.Tokenizer(splitclitics=True)


def test_tokenize_batch():
    tok = kurdi.Tokenizer()
    texts = ["سڵاو هاوڕێ", "چۆنی؟"]
    assert [[t.text for t in ts] for ts in tok.tokenize_batch(texts)] == tok.words_batch(texts)


def test_sentences():
    text = "ئەمڕۆ هەوا خۆشە. سبەی باران دەبارێت! ئایا دێیت؟"
    ss = kurdi.sentences(text)
    assert len(ss) == 3 and ss[0] == "ئەمڕۆ هەوا خۆشە."
    spans = kurdi.SentenceSplitter().spans(text)
    assert [text[a:b] for a, b in spans] == ss


# ---- morph -----------------------------------------------------------------------------------

def test_morph_analyze_lemmatize_stem_inflect():
    an = kurdi.analyze("کتێبەکان")
    assert an and an[0]["lemma"] == "کتێب"
    assert an[0]["features"].startswith(an[0]["pos"])
    assert all("tag" in m for m in an[0]["morphs"])
    assert kurdi.lemmatize("کتێبەکان") == "کتێب"
    assert kurdi.lemmatize("کتێبەکان باشن") [0] == "کتێب"
    assert isinstance(kurdi.stem("دەخوێنم"), str)
    forms = kurdi.inflect("کتێب", "N;DEF;PL")
    assert "کتێبەکان" in forms
    assert kurdi.known("کتێب")
    with pytest.raises(ValueError, match="max_analyses"):
        kurdi.Analyzer(max_analyses=-1)


# ---- translit --------------------------------------------------------------------------------

def test_transliterate_and_g2p():
    assert kurdi.to_latin("کوردستان و ئێران") == "kurdistan û êran"
    assert kurdi.to_arabic("kurdistan û êran") == "کوردستان و ئێران"
    assert kurdi.transliterate("کوردستان", to="latin") == "kurdistan"
    assert kurdi.g2p("ئازادی")
    # numbers are read out first, as the CLI does; verbalize=False keeps the digits
    assert kurdi.g2p("ساڵی ٢٠٢١") == kurdi.g2p("ساڵی دوو هەزار و بیست و یەک")
    assert "٢٠٢١" in kurdi.g2p("ساڵی ٢٠٢١", verbalize=False)
    assert kurdi.g2p("هتد") == kurdi.g2p("هتد", verbalize=False)
    assert kurdi.Transliterator().g2p_word("ئازادی", ipa=True) == "ʔaː.zaː.diː"
    with pytest.raises(ValueError):
        kurdi.transliterate("x", to="cyrillic")


# ---- numbers ---------------------------------------------------------------------------------

def test_numbers():
    w = kurdi.number_to_words(1991)
    assert w.startswith("هەزار و نۆ سەد")
    assert kurdi.words_to_number(w) == 1991
    assert kurdi.number_to_words(200, hundreds="joined") == "دووسەد"
    assert kurdi.number_to_words(-3).startswith("سالب")
    assert kurdi.ordinal(3)
    assert "بیست" in kurdi.numbers_to_words("٢٠ کتێب")
    assert "20" in kurdi.numbers_to_digits("بیست کتێب")
    assert kurdi.verbalize("کاتژمێر 10:30") != "کاتژمێر 10:30"
    with pytest.raises(ValueError, match="hundreds"):
        kurdi.number_to_words(5, hundreds="sometimes")
    with pytest.raises(ValueError):
        kurdi.number_to_words("not a number")
    with pytest.raises(ValueError, match="64-bit"):
        kurdi.number_to_words(10 ** 30)


# ---- detect / decode -------------------------------------------------------------------------

def test_detect():
    d = kurdi.detect(SENT)
    assert d["label"] == "ckb" and d["script"] == "Arab" and 0 <= d["confidence"] <= 1
    assert kurdi.detect("The weather is nice today and we go out")["label"] == "en"
    assert [x["label"] for x in kurdi.Detector().detect_batch([SENT, SENT])] == ["ckb", "ckb"]


def test_decode_legacy_fonts():
    dec = kurdi.LegacyDecoder()
    legacy = dec.encode(SENT, "alik")
    assert legacy != SENT
    assert kurdi.normalize(dec.decode(legacy, "alik")) == SENT
    assert kurdi.decode(SENT) == SENT  # Unicode text is left alone
    with pytest.raises(ValueError, match="font"):
        kurdi.decode(SENT, font="comic-sans")
    with pytest.raises(UnicodeDecodeError):
        kurdi.LegacyDecoder(utf8="strict").decode(b"\xc3(", "none")


# ---- spell -----------------------------------------------------------------------------------

@pytest.mark.skipif(not kurdi.HAVE_SPELL, reason="spell stage not built")
def test_spell():
    assert kurdi.check("پێویست")
    assert not kurdi.check("پیویست")
    assert kurdi.suggest("پیویست")[0][0] == "پێویست"
    flags = kurdi.spell_check("ئەمە زۆر پیویست بوو")
    assert flags and flags[0]["word"] == "پیویست"
    text = "ئەمە زۆر پیویست بوو"
    assert text[flags[0]["start"]:flags[0]["end"]] == "پیویست"
    # the dominance options of the C++ SpellOptions are accepted (0 turns the dropped-mark rule off)
    assert kurdi.check("پێویست", mark_dominance_ratio=0, unseen_dominance_count=3)
    with pytest.raises(ValueError, match="unknown spell option"):
        kurdi.check("پێویست", mark_dominance=2)


# ---- pipeline --------------------------------------------------------------------------------

def test_pipeline_text_and_iterable():
    p = kurdi.Pipeline(["decode", "normalize", "tokenize"])
    assert p("كتيبةكان باشن") == kurdi.words(kurdi.normalize("كتيبةكان باشن"))
    lines = ["سڵاو هاوڕێ", "كوردستان", ""]
    assert list(p(lines)) == [p(x) for x in lines]
    assert list(p.map(iter(lines), batch_size=2)) == p.run_batch(lines)


def test_pipeline_stages_and_options():
    assert kurdi.Pipeline(["normalize", "latin"])("كوردستان و ئێران") == "kurdistan û êran"
    p = kurdi.Pipeline([("normalize", {"digits": "latin"}), "detect"])
    assert p(SENT)["label"] == "ckb"
    assert kurdi.Pipeline(["normalize"])("كورد") == "کورد"
    assert kurdi.Pipeline(["words"])("٢٠ کتێب").startswith("بیست")
    assert kurdi.Pipeline(["sentences"])("یەک. دوو.") == ["یەک.", "دوو."]
    assert kurdi.Pipeline(["lemmatize"])("کتێبەکان")[0] == "کتێب"
    toks = kurdi.Pipeline(["tokens"])("سڵاو هاوڕێ")
    assert toks[1].text == "هاوڕێ" and toks[1].start == 5
    if kurdi.HAVE_SPELL:
        assert kurdi.Pipeline(["normalize", "spell"])("ئەمە زۆر پیویست بوو")[0]["word"] == "پیویست"


def test_pipeline_errors():
    with pytest.raises(ValueError, match="unknown stage 'frobnicate'"):
        kurdi.Pipeline(["frobnicate"])
    with pytest.raises(ValueError, match="must be last"):
        kurdi.Pipeline(["tokenize", "normalize"])
    with pytest.raises(ValueError, match="digits"):
        kurdi.Pipeline([("normalize", {"digits": "roman"})])
    with pytest.raises(ValueError):
        kurdi.Pipeline([42])
    with pytest.raises(UnicodeDecodeError):
        kurdi.Pipeline(["normalize"], strict=True)(b"\xff")
    assert "\ufffd" in kurdi.Pipeline(["normalize"])(b"\xff")


def test_pipeline_pickles_as_configuration():
    p = kurdi.Pipeline([("normalize", {"digits": "latin"}), "tokenize"], batch_size=7)
    q = pickle.loads(pickle.dumps(p))
    assert q.stages == p.stages and q.batch_size == 7
    assert q._p is p._p  # same process: the compiled engines are reused, not rebuilt
    assert q("١٢ كتێب") == ["12", "کتێب"]


# ---- threads, docs ---------------------------------------------------------------------------

def test_threads_share_engines():
    n = kurdi.Normalizer()
    p = kurdi.Pipeline(["normalize", "tokenize"])
    texts = [("كتيبةكانم %d " % i) * 200 for i in range(64)]
    expect = [(n.normalize(t), p(t)) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        got = list(ex.map(lambda t: (n.normalize(t), p(t)), texts))
    assert got == expect


def test_help_and_docstrings():
    for obj in (kurdi, kurdi.Normalizer, kurdi.Tokenizer, kurdi.Token, kurdi.Pipeline, kurdi.Analyzer,
                kurdi.Transliterator, kurdi.NumberSpeller, kurdi.Detector, kurdi.LegacyDecoder, kurdi.normalize):
        assert obj.__doc__ and len(obj.__doc__) > 40, obj
    text = pydoc.render_doc(kurdi.Normalizer)
    assert "profile" in text and "normalize_batch" in text
    assert kurdi.__version__
    assert set(kurdi.STAGES) >= {"normalize", "tokenize", "detect", "latin"}


def test_random_bytes_never_crash():
    import random
    rng = random.Random(7)
    alphabet = [b"\xff", b"\xc3", b"\xe2\x80", b"\xd9\x8a", b"\xdb\x95", b"\xe2\x80\x8c", b" ", b"\n", b"1", b".",
                b"a", b"\xd8\xa7", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80", b"\x00", b"\xd9\x80", b"\xef\xbb\xbf"]
    tok, sp, tr, det, dec = kurdi.Tokenizer(split_clitics=True), kurdi.SentenceSplitter(), kurdi.Transliterator(), \
        kurdi.Detector(), kurdi.LegacyDecoder()
    ver, nums = kurdi.Verbalizer(), kurdi.NumberSpeller()
    pipe = kurdi.Pipeline(["decode", "normalize", "verbalize", "tokens"])
    for _ in range(300):
        b = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert isinstance(kurdi.normalize(b), str)
        for t in tok.tokenize(b):
            assert b[t.start:t.end] and isinstance(t.normalized, str)
        sp.split(b)
        tr.to_latin(b), tr.to_arabic(b), tr.g2p(b)
        det.detect(b), dec.decode(b), dec.detect_font(b)
        ver.verbalize(b), nums.text_to_words(b), nums.text_to_digits(b)
        pipe(b)
        s = b.decode("utf-8", "replace")
        kurdi.lemmatize(s), kurdi.analyze(s[:30] or "x")
