"""Usage: python3 build.py <app> <key-tab-kk-tab-ru.tsv> <out-dir> (webjar unpacked in /tmp/webjar).
Builds a webapp's kk.json/ru.json from its webjar en.json: labels already translated for Tasklist (same English
text) are reused, the rest come from a key<TAB>kk<TAB>ru file; dateLocales are Tasklist's."""
import json, os, sys
app, tsv, out = sys.argv[1], sys.argv[2], sys.argv[3]
W = os.environ.get('WEBJAR', '/tmp/webjar') + '/META-INF/resources/webjars/camunda/app/'
T = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales/')
ten = json.load(open(W + 'tasklist/locales/en.json', encoding='utf-8-sig'))
en = json.load(open(W + app + '/locales/en.json', encoding='utf-8-sig'))
new = {}
for line in open(tsv, encoding='utf-8'):
    line = line.rstrip('\n')
    if line:
        k, kk, ru = line.split('\t')
        new[k] = {'kk': kk, 'ru': ru}
for lang in ('kk', 'ru'):
    tl = json.load(open(T + lang + '.json', encoding='utf-8'))
    byval = {v: tl['labels'][k] for k, v in ten['labels'].items() if k in tl['labels']}
    labels = {}
    missing = []
    for k, v in en['labels'].items():
        if k in new:
            labels[k] = new[k][lang]
        elif v in byval:
            labels[k] = byval[v]
        else:
            missing.append(k)
    if missing:
        sys.exit(lang + ' missing: ' + ' '.join(missing))
    doc = {'dateLocales': tl['dateLocales'], 'labels': labels}
    json.dump(doc, open(out + '/' + lang + '.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
    open(out + '/' + lang + '.json', 'a').write('\n')
print('ok', len(en['labels']))
