"""Build a shuffled copy of the dev set: a check that repair holds on
sentences it has never seen.

For every case of ../shared/testdata/mojibake-dev/cases.jsonl (partial
kinds and multi-line texts left out), the words of the original are put
in a random order and the case's damage is applied again with Python's
codecs, as the dev set's README describes it. Word order is what the
engine's statistics could have learned from the dev sentences; the
damage kinds are unchanged. Score it like the dev set:

    python3 bench/shuffled/make.py [SEED] > /tmp/shuffled.jsonl
    python3 ../shared/tools/score_fix.py /tmp/shuffled.jsonl -- moji fix --jsonl
"""
import json, os, random, sys

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
DEV = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'testdata', 'mojibake-dev', 'cases.jsonl')
PY = {'big5':'cp950','shift_jis':'cp932','euc-kr':'cp949','gbk':'gbk','gb18030':'gb18030','euc-jp':'euc_jp',
      'latin-1':'latin-1','iso-8859-2':'iso8859_2','macroman':'mac_roman','cp437':'cp437','koi8-r':'koi8_r',
      'cp1251':'cp1251','cp1253':'cp1253','cp1255':'cp1255','cp1256':'cp1256',
      'windows-1250':'cp1250','windows-1251':'cp1251','windows-1252':'cp1252','windows-1253':'cp1253','windows-1254':'cp1254','windows-1257':'cp1257'}
def sloppy(b, enc):
    out=[]
    for x in b:
        try: out.append(bytes([x]).decode(enc))
        except UnicodeDecodeError: out.append(chr(x))
    return ''.join(out)
def dec(b, name):
    enc = PY[name]
    if enc in ('cp1250','cp1251','cp1252','cp1253','cp1254','cp1257','iso8859_2','mac_roman','cp437','latin-1','koi8_r'):
        return sloppy(b, enc)
    return b.decode(enc)  # strict
def damage(s, kind):
    if kind.startswith('utf8-as-'):
        k = kind[len('utf8-as-'):].replace('sloppy-','')
        return dec(s.encode('utf-8'), k)
    if kind.startswith('double-utf8-as-') or kind.startswith('triple-utf8-as-'):
        if kind == 'double-utf8-as-windows-1252':
            return dec(dec(s.encode('utf-8'),'windows-1252').encode('utf-8'),'windows-1252')
        if kind == 'triple-utf8-as-windows-1252':
            t=s
            for _ in range(3): t=dec(t.encode('utf-8'),'windows-1252')
            return t
        if kind == 'double-utf8-as-gbk-then-windows-1252':
            return dec(dec(s.encode('utf-8'),'gbk').encode('utf-8'),'windows-1252')
        if kind == 'double-utf8-as-latin-1-then-windows-1252':
            return dec(dec(s.encode('utf-8'),'latin-1').encode('utf-8'),'windows-1252')
    if kind == 'lossy-utf8-as-windows-1252-undefined-dropped':
        return s.encode('utf-8').decode('cp1252', errors='ignore')
    if kind == 'lossy-utf8-as-windows-1252-nbsp-space':
        return sloppy(s.encode('utf-8'),'cp1252').replace('\xa0',' ')
    if kind.startswith('lossy-utf8-as-'):
        rest = kind[len('lossy-utf8-as-'):]
        enc, mode = rest.rsplit('-',1)
        if mode == 'dropped': return s.encode('utf-8').decode(PY[enc], errors='ignore')
        if mode == 'fffd': return s.encode('utf-8').decode(PY[enc], errors='replace')
        if mode == 'question': return s.encode('utf-8').decode(PY[enc], errors='replace').replace('\ufffd','?')
    if '-as-' in kind:
        a, b = kind.split('-as-')
        return dec(s.encode(PY[a]), b)
    return None
n = 0
for l in open(DEV, encoding='utf-8'):
    c=json.loads(l)
    k=c['kind']
    if k.startswith('partial'): continue
    o=c['original']
    if '\n' in o: continue
    words=o.split(' ')
    random.shuffle(words)
    s=' '.join(words)
    if k.startswith('clean'):
        b=s
    else:
        try: b=damage(s,k)
        except (UnicodeError, LookupError): continue
        if b is None or b==s: continue
    print(json.dumps({'id':c['id'],'kind':k,'lang':c['lang'],'broken':b,'original':s},ensure_ascii=False))
    n+=1
print(n, file=sys.stderr)
