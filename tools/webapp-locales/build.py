"""Usage: python3 build.py <app> <key-tab-kk-tab-ru.tsv> <out-dir>
   e.g. python3 tools/webapp-locales/build.py cockpit tools/webapp-locales/cockpit.tsv \
            src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/locales
Builds a webapp's kk.json/ru.json from its webjar en.json. Each label comes from the key<TAB>kk<TAB>ru file if the
key is there, otherwise from the translation Tasklist (then Admin, for apps other than Admin) already has for the same
English text; a key found nowhere stops the build. dateLocales are Tasklist's. In the TSV, \\n stands for a line break.
The webjar is read from WEBJAR (unpacked, default /tmp/webjar) or else straight from the 7.24.0 jar in ~/.m2."""
import json, os, sys, zipfile

app, tsv, out = sys.argv[1], sys.argv[2], sys.argv[3]
PREFIX = 'META-INF/resources/webjars/camunda/app/'
HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(HERE, '../../src/main/resources/' + PREFIX)
UNPACKED = os.environ.get('WEBJAR', '/tmp/webjar')
JAR = os.path.expanduser('~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/7.24.0/'
                         'camunda-webapp-webjar-7.24.0.jar')


def webjar(path):
    if os.path.isdir(UNPACKED):
        return json.load(open(os.path.join(UNPACKED, PREFIX + path), encoding='utf-8-sig'))
    with zipfile.ZipFile(JAR) as jar:
        return json.loads(jar.read(PREFIX + path).decode('utf-8-sig'))


def unescape(text):
    return text.replace('\\n', '\n')


en = webjar(app + '/locales/en.json')
new = {}
for line in open(tsv, encoding='utf-8'):
    line = line.rstrip('\n')
    if line:
        k, kk, ru = line.split('\t')
        new[k] = {'kk': unescape(kk), 'ru': unescape(ru)}
unknown = sorted(set(new) - set(en['labels']))
if unknown:
    sys.exit('keys not in ' + app + ' en.json: ' + ' '.join(unknown))
# earlier sources win: Tasklist first, then Admin (not for Admin itself)
sources = [s for s in ('tasklist', 'admin') if s != app]
for lang in ('kk', 'ru'):
    byval = {}
    for source in reversed(sources):
        sen = webjar(source + '/locales/en.json')['labels']
        sl = json.load(open(OURS + source + '/locales/' + lang + '.json', encoding='utf-8'))['labels']
        byval.update({v: sl[k] for k, v in sen.items() if k in sl})
    tl = json.load(open(OURS + 'tasklist/locales/' + lang + '.json', encoding='utf-8'))
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
    with open(out + '/' + lang + '.json', 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write('\n')
print('ok', len(en['labels']))
