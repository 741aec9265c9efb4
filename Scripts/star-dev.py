#!/usr/bin/env python3
"""Measures Omniscore's figures against the human labels of the STAR development set.

Converts ../shared/data/star-dev/conversations.jsonl.gz (or the path given) into Omniscore's interchange format
plus a ratings file, then runs `omniscore rubric check RUBRIC --interactions ... --ratings ...`, which reports
ROC-AUC with 95 % bootstrap intervals for every figure. The figures the STAR labels measure:

  aggressive     wizard_says_user_aggressive ("did the user become aggressive or annoyed?"): escalation.need
  calm_helpful   user_says_calm_helpful ("did the assistant stay calm and helpful?"): tone.politeness
  task_success   user_says_task_success, where asked: customer.outcome

Ratings are written for complete dialogues only (completion_level == Complete), as the set's README advises.

Usage:
  python3 Scripts/star-dev.py [--omniscore .build/release/omniscore] [--rubric omnichannel-standard]
                              [--data ../shared/data/star-dev/conversations.jsonl.gz] [--out /tmp/star-dev]
                              [--fit OUT.xml]   # also fit need/politeness/outcome weights with 5-fold CV
"""
import argparse
import datetime
import gzip
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def convert(source, interactions_path, ratings_path):
    start = datetime.datetime(2026, 1, 5, 9, 0, 0)
    counts = {'dialogues': 0, 'rated': 0}
    with gzip.open(source, 'rt', encoding='utf-8') as f, open(interactions_path, 'w') as fi, open(ratings_path, 'w') as fr:
        for n, line in enumerate(f):
            dialogue = json.loads(line)
            labels = dialogue.get('labels', {})
            began = start + datetime.timedelta(hours=n)
            messages = []
            for k, message in enumerate(dialogue['messages']):
                at = began + datetime.timedelta(seconds=30 * k)
                messages.append({'role': message['role'], 'at': at.strftime('%Y-%m-%dT%H:%M:%SZ'), 'text': message['text']})
            fi.write(json.dumps({
                'id': dialogue['id'], 'channel': dialogue.get('channel', 'chat'), 'customer_id': 'star-customer-%d' % n,
                'agent_id': 'star-wizard', 'started_at': began.strftime('%Y-%m-%dT%H:%M:%SZ'), 'language': 'en',
                'messages': messages,
            }) + '\n')
            counts['dialogues'] += 1
            if labels.get('completion_level') != 'Complete':
                continue
            ratings = {
                'aggressive': labels.get('wizard_says_user_aggressive'),
                'calm_helpful': labels.get('user_says_calm_helpful'),
                'task_success': labels.get('user_says_task_success'),
            }
            fr.write(json.dumps({'id': dialogue['id'], 'ratings': ratings}) + '\n')
            counts['rated'] += 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--omniscore', default=str(ROOT / '.build/release/omniscore'))
    parser.add_argument('--rubric', default='omnichannel-standard')
    parser.add_argument('--data', default=str(ROOT.parent / 'shared/data/star-dev/conversations.jsonl.gz'))
    parser.add_argument('--out', default='/tmp/star-dev')
    parser.add_argument('--fit', help='also run `rubric fit` and write the fitted rubric here')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    interactions = os.path.join(args.out, 'interactions.jsonl')
    ratings = os.path.join(args.out, 'ratings.jsonl')
    counts = convert(args.data, interactions, ratings)
    print(f"converted {counts['dialogues']} dialogues, {counts['rated']} complete ones rated", file=sys.stderr)
    check = [args.omniscore, 'rubric', 'check', args.rubric, '--interactions', interactions, '--ratings', ratings,
             '--markdown', os.path.join(args.out, 'report.md')]
    status = subprocess.call(check, cwd=ROOT)
    if args.fit:
        fit = [args.omniscore, 'rubric', 'fit', args.rubric, '--interactions', interactions, '--ratings', ratings,
               '--target', 'need=aggressive', '--target', 'politeness=calm_helpful', '--target', 'outcome=task_success',
               '--out', args.fit]
        status = subprocess.call(fit, cwd=ROOT) or status
    return status


if __name__ == '__main__':
    sys.exit(main())
