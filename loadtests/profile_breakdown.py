#!/usr/bin/env python3
"""Where a gateway process's CPU goes, per request, from a `perf` sampling profile.

Record the gateway under load (started with DOTNET_PerfMapEnabled=1 so that JIT-compiled frames
have names), then feed `perf script` to this:

    perf record -F 999 -e cpu-clock -g -p <gateway pid> -o gw.data -- sleep 10
    perf script -i gw.data -F comm,tid,ip,sym,dso | python3 loadtests/profile_breakdown.py --cpu-us 85

--cpu-us is the process's CPU time per request over the same run (the load test prints it). A
stage's share of the samples times that figure is its CPU cost per request in the running
process, caches, preemption and all, which is what a benchmark loop cannot show.

A sample counts towards a stage when any frame of its stack belongs to that stage (inclusive).
ONNX Runtime has no frame pointers, so most of its samples end in its own frames and are counted
only by the 'leaf: onnxruntime' line, not by the scorer's stage.
"""
import argparse
import collections
import re
import sys

ASYNC = r'(\+<\w+>d__\d+)?::'
NAMESPACE = r'[\w.+<>`]*::'

STAGES = [
    ('protection middleware, forwarding excluded', None),
    ('  evaluation (RequestEvaluator)', r'RequestEvaluator' + ASYNC),
    ('    content: extraction and scorer', r'RequestEvaluator::ScoreContent'),
    ('      feature extraction', r'ContentFeatureExtractor::Extract'),
    ('      scorer (managed part)', r'OnnxContentScorer' + ASYNC),
    ('    geo', r'Gateway\.Scoring\.Geo\.' + NAMESPACE),
    ('    reputation', r'Gateway\.Scoring\.Reputation\.' + NAMESPACE),
    ('    feature store', r'Gateway\.Scoring\.Features\.' + NAMESPACE),
    ('    client IP', r'(ClientIpResolver|ForwardedClientAddress)::'),
    ('    body prefix read', r'BodyPrefix' + ASYNC),
    ('    risk combination', r'RiskCombiner::'),
    ('    application profile', r'ProfileSignal::'),
    ('    login defence', r'Gateway\.Scoring\.Login\.' + NAMESPACE),
    ('  decision header', r'DecisionHeader::'),
    ('  Server-Timing header', r'ServerTimingHeader::'),
    ('  clearance check', r'ChallengeService::'),
    ('model batching thread', r'OnnxContentScorer::(RunWorker|WaitForWork|RunBatch)'),
]
MIDDLEWARE = r'ProtectionMiddleware' + ASYNC
FORWARDING = r'HttpForwarder|ForwarderMiddleware|Yarp\.ReverseProxy\.Forwarder'


def samples(lines):
    frames = None
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = None
            continue
        if not line[0].isspace():
            frames = []
            continue
        match = re.match(r'\s*[0-9a-f]+ (.*) \((.*)\)\s*$', line)
        if frames is not None and match:
            frames.append((match.group(1), match.group(2)))
    if frames:
        yield frames


def leaf_kind(dso):
    for needle, kind in (('kernel', 'kernel'), ('onnxruntime', 'onnxruntime'), ('clrjit', 'JIT compiler'),
                         ('coreclr', 'CLR runtime (GC, stubs, thread pool)'), ('libc', 'libc')):
        if needle in dso:
            return kind
    if 'JIT' in dso or 'perf-' in dso:
        return 'managed code'
    return 'other'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--cpu-us', type=float, required=True, help="the process's CPU µs per request in that run")
    parser.add_argument('--top', type=int, default=0, help='also list the N hottest leaf frames')
    args = parser.parse_args()

    total = 0
    leaves = collections.Counter()
    stages = collections.Counter()
    hottest = collections.Counter()
    for frames in samples(sys.stdin):
        total += 1
        symbol, dso = frames[0]
        leaves[leaf_kind(dso)] += 1
        hottest[re.sub(r'\[[^\]]*\]', '', symbol)[:110]] += 1
        stack = '\n'.join(symbol for symbol, _ in frames)
        for name, pattern in STAGES:
            if pattern is None:
                hit = re.search(MIDDLEWARE, stack) and not re.search(FORWARDING, stack)
            else:
                hit = re.search(pattern, stack)
            if hit:
                stages[name] += 1
    if total == 0:
        sys.exit('no samples on stdin (perf script -F comm,tid,ip,sym,dso)')

    def row(name, count):
        print(f'| {name} | {100 * count / total:.1f}% | {args.cpu_us * count / total:.1f} |')

    print(f'{total} samples; {args.cpu_us:g} µs of CPU per request\n')
    print('| where (inclusive) | share | µs per request |\n|---|--:|--:|')
    for name, _ in STAGES:
        row(name.replace('  ', '· '), stages[name])
    print('\n| leaf frame in | share | µs per request |\n|---|--:|--:|')
    for kind, count in leaves.most_common():
        row(kind, count)
    if args.top:
        print()
        for symbol, count in hottest.most_common(args.top):
            print(f'{100 * count / total:5.2f}%  {symbol}')


if __name__ == '__main__':
    main()
