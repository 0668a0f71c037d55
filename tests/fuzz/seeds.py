#!/usr/bin/env python3
"""Write the fuzz targets' seed corpora: seeds.py OUTDIR [ROOT].

OUTDIR/reader/ and OUTDIR/input/ get the project's own CSV samples (every
tests/**/*.csv, sample-data/police-uk/, reference/ and the head of the
synthetic extract), small files with the record edge cases of
docs/stream.md, and for fuzz-input those samples packed every way
common/input.c reads: gzip (one member, two, truncated, one bit flipped),
bzip2, xz, zstd (when the zstd command exists), zip (deflated, stored,
empty, with a member that is not .csv), tar, tar.gz, tar.bz2, tar.xz.
The committed reproducers (tests/fuzz/regressions/<target>/) are added by
tests/fuzz/run.sh.  Everything is deterministic: no clock, no randomness.
"""
import bz2
import gzip
import io
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile

DATE = (2019, 12, 31, 0, 0, 0)      # zip member times, fixed
MTIME = 1577750400                  # tar member times, fixed


def project_csvs(root):
    """(name, bytes) of the project's own samples, each small."""
    out = []
    for sub in ('tests', 'sample-data', 'reference'):
        for d, dirs, files in os.walk(os.path.join(root, sub)):
            # tests/fuzz/: its reproducers are added by run.sh
            dirs[:] = sorted(x for x in dirs if x not in ('tmp', 'fuzz'))
            for f in sorted(files):
                if not f.endswith('.csv'):
                    continue
                with open(os.path.join(d, f), 'rb') as fh:
                    data = fh.read()
                if len(data) > 65536:       # lsoa11.csv: its head only
                    data = b''.join(data.splitlines(True)[:200])
                out.append((sub + '-' + f, data))
    with gzip.open(os.path.join(root, 'sample-data',
                                'warwickshire-extract.csv.gz'), 'rb') as fh:
        head = b''.join(fh.readline() for _ in range(200))
    out.append(('sample-extract-head.csv', head))
    return out


# docs/stream.md "Format" and "Records that cannot be used", one each.
EDGE = {
    'plain.csv': b'a,b\n1,2\n',
    'no-final-newline.csv': b'a,b\n1,2',
    'crlf.csv': b'a,b\r\n1,2\r\n"3",4\r\n',
    'bom.csv': b'\xef\xbb\xbfa,b\n1,2\n',
    'quoted.csv': b'a,b\n"x,y","say ""hi""\nthere"\n5,6\n',
    'crlf-in-quotes.csv': b'a\r\n"1\r\n2"\r\n',
    'cr-odd-places.csv': b'a,b\r\n1\r,2\r\n"3\r",4\r\r\n\r5,6\r',
    'spaces.csv': b'a,b\n x ,\t\n " q " ,"a" \n',
    'empty-fields.csv': b'a,b,c\n,,\n"",,""\n',
    'field-counts.csv': b'a,b\n1\n2,3\n4,5,6\n,\n',
    'blank-lines.csv': b'a,b\n\n1,2\n\r\n3,4\n\n',
    'nul.csv': b'a,b\n1,\x002\n"\x00",3\n4,5\n',
    'unterminated.csv': b'a,b\n1,"2\n3,4\n',
    'text-after-quote.csv': b'a,b\n"1"x,2\n3,4\n',
    'quote-in-field.csv': b'a,b\n1"2,3\n4,5\n',
    'header-only.csv': b'a,b,c\n',
    'empty.csv': b'',
    'duplicate-columns.csv': b'a,b,a\n1,2,3\n',
    'bad-header.csv': b'a,"b\n1,2\n',
    'utf8.csv': 'district,name\nWarwick,Caf\u00e9 \u2013 high street\n'.encode(),
}


def gz(data):
    return gzip.compress(data, mtime=0)


def flip(data, at):
    b = bytearray(data)
    b[at] ^= 0x10
    return bytes(b)


def zip_of(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, DATE), data, method)
    return buf.getvalue()


def tar_of(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as t:
        d = tarfile.TarInfo('data')
        d.type, d.mtime, d.mode = tarfile.DIRTYPE, MTIME, 0o755
        t.addfile(d)
        for name, data in members:
            i = tarfile.TarInfo(name)
            i.size, i.mtime, i.mode = len(data), MTIME, 0o644
            t.addfile(i, io.BytesIO(data))
    return buf.getvalue()


def archives(street, force):
    """(name, bytes): the samples packed every way input.c reads."""
    two = [('data/street.csv', street), ('data/force.csv', force)]
    tar = tar_of(two)
    out = [
        ('street.csv.gz', gz(street)),
        ('two-members.csv.gz', gz(street) + gz(force)),
        ('truncated.csv.gz', gz(street)[:len(gz(street)) // 2]),
        ('trailer-cut.csv.gz', gz(force)[:-4]),
        ('flipped.csv.gz', flip(gz(street), len(gz(street)) // 2)),
        ('street.csv.bz2', bz2.compress(street)),
        ('street.csv.xz', lzma.compress(street)),
        ('two.zip', zip_of(two + [('README.txt', b'not a csv\n')])),
        ('stored.zip', zip_of(two, zipfile.ZIP_STORED)),
        ('empty.zip', zip_of([])),
        ('two.tar', tar),
        ('two.tar.gz', gz(tar)),
        ('two.tar.bz2', bz2.compress(tar)),
        ('two.tar.xz', lzma.compress(tar)),
        ('truncated.tar.gz', gz(tar)[:len(gz(tar)) * 2 // 3]),
        ('truncated.zip', zip_of(two)[:len(zip_of(two)) // 2]),
    ]
    if shutil.which('zstd'):
        z = subprocess.run(['zstd', '-q', '-c'], input=street,
                           stdout=subprocess.PIPE, check=True).stdout
        out.append(('street.csv.zst', z))
    return out


def write(d, items):
    os.makedirs(d, exist_ok=True)
    for name, data in items:
        with open(os.path.join(d, name), 'wb') as fh:
            fh.write(data)


def main():
    outdir = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', '..')
    csvs = project_csvs(root) + sorted(EDGE.items())
    by = dict(csvs)
    street = b''.join(by['sample-data-2019-01-warwickshire-street.csv']
                      .splitlines(True)[:20])
    force = by['tests-force-a.csv']
    packed = archives(street, force)
    write(os.path.join(outdir, 'input'), csvs + packed)
    # The reader reads gzip, zip and tar too (fuzz-reader leaves bzip2,
    # xz and zstd to fuzz-input).
    write(os.path.join(outdir, 'reader'), csvs + [
        (n, d) for n, d in packed
        if not n.endswith(('.bz2', '.xz', '.zst'))])


if __name__ == '__main__':
    main()
