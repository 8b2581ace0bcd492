#!/usr/bin/python3
"""Every capability of the kurdi Python package, on real Sorani.

    PYTHONPATH=build-python/python /usr/bin/python3 examples/python/quickstart.py
"""
import kurdi

# normalize: Arabic/Persian-typed Sorani -> standard Unicode Sorani
print(kurdi.normalize("بةرهةمةكاني ئةفين"))
print(kurdi.normalize("ساڵی ١٩٩١", digits="latin"))

# tokenize: Token objects with text, normalized form, type and offsets
text = "لە ساڵی ٢٠٢١، سەردانی www.rudaw.net بکە"
for t in kurdi.tokenize(text):
    print(f"{t.text}\t{t.type}\t{t.start}:{t.end}\t{t.normalized}")
print(kurdi.words("کتێبەکانم", split_clitics=True))

# sentences
print(kurdi.sentences("ئەمڕۆ هەوا خۆشە. سبەی باران دەبارێت."))

# morphology
print(kurdi.lemmatize("کتێبەکان"), kurdi.analyze("کتێبەکان")[0]["features"])
print(kurdi.inflect("کتێب", "N;DEF;PL"))

# transliteration and G2P
print(kurdi.to_latin("کوردستان و ئێران"))
print(kurdi.to_arabic("kurdistan û êran"))
print(kurdi.g2p("ئازادی"), kurdi.g2p("ئازادی", ipa=True))

# numbers
print(kurdi.number_to_words(1991))
print(kurdi.numbers_to_words("٢٠ کتێب"))
print(kurdi.verbalize("کاتژمێر 10:30"))

# language and legacy-font detection
print(kurdi.detect("ئەمڕۆ هەوا لە هەولێر خۆش بوو"))
legacy = kurdi.LegacyDecoder().encode("ئەمڕۆ هەوا خۆشە", "alik")
print(kurdi.detect_font(legacy), kurdi.normalize(kurdi.decode(legacy)))

# spelling (when the spell stage is built)
if kurdi.HAVE_SPELL:
    print(kurdi.check("پیویست"), kurdi.suggest("پیویست", 3))

# a pipeline over a string or an iterable of strings
p = kurdi.Pipeline(["decode", "normalize", ("tokenize", {"split_clitics": True})])
print(p("کتێبەکانم"))
for out in p(["سڵاو هاوڕێ", "ئةم نامةية"]):
    print(out)
