import { findDueDates, parseDanishDue } from '../../src/minutes';

const due = (phrase: string, meeting: string) => {
  const d = parseDanishDue(phrase, meeting);
  return d && [d.dueFrom, d.due, d.precision];
};

describe('Danish due dates in the phrases of PRODUCT.md', () => {
  const meeting = '2019-08-27';

  it.each([
    ['den 23. maj 2019', '2019-04-11', ['2019-05-23', '2019-05-23', 'day']],
    ['d. 30. september', meeting, ['2019-09-30', '2019-09-30', 'day']],
    ['1. april 2020', meeting, ['2020-04-01', '2020-04-01', 'day']],
    ['10.10', meeting, ['2019-10-10', '2019-10-10', 'day']],
    ['i uge 44', meeting, ['2019-10-28', '2019-11-03', 'week']],
    ['uge 43', meeting, ['2019-10-21', '2019-10-27', 'week']],
    ['primo november', meeting, ['2019-11-01', '2019-11-10', 'month-part']],
    ['medio november', meeting, ['2019-11-11', '2019-11-20', 'month-part']],
    ['ultimo november', meeting, ['2019-11-21', '2019-11-30', 'month-part']],
    ['ultimo februar', '2024-01-10', ['2024-02-21', '2024-02-29', 'month-part']],
    ['i september eller oktober', '2021-06-24', ['2021-09-01', '2021-10-31', 'range']],
    ['efter sommeren', '2021-06-24', ['2021-08-01', '2021-09-30', 'season']],
    ['i efteråret 2021', '2021-06-24', ['2021-09-01', '2021-11-30', 'season']],
    ['pr. 6. juli 2021', '2021-06-24', ['2021-07-06', '2021-07-06', 'day']],
  ])('reads "%s" (meeting %s)', (phrase, m, expected) => {
    expect(due(phrase, m)).toEqual(expected);
  });

  it('keeps the original words', () => {
    expect(parseDanishDue('  i uge 44 ', meeting)?.text).toBe('i uge 44');
  });

  it('does not take "fra 2016" as a deadline', () => {
    expect(parseDanishDue('fra 2016', meeting)).toBeNull();
    expect(findDueDates('Modellen har været brugt fra 2016.', meeting)).toEqual([]);
  });

  it('reads more ways of writing dates and periods', () => {
    expect(due('23-05-2019', '2019-04-11')).toEqual(['2019-05-23', '2019-05-23', 'day']);
    expect(due('2019-05-23', '2019-04-11')).toEqual(['2019-05-23', '2019-05-23', 'day']);
    expect(due('senest 23/5', '2019-04-11')).toEqual(['2019-05-23', '2019-05-23', 'day']);
    expect(due('28.10 - 1.11', meeting)).toEqual(['2019-10-28', '2019-11-01', 'range']);
    expect(due('fra den 28. oktober til den 1. november', meeting)).toEqual(['2019-10-28', '2019-11-01', 'range']);
    expect(due('uge 43-44', meeting)).toEqual(['2019-10-21', '2019-11-03', 'range']);
    expect(due('i slutningen af august eller starten af september', '2021-06-24')).toEqual(['2021-08-21', '2021-09-10', 'range']);
    expect(due('med udgangen af august 2021', '2021-06-24')).toEqual(['2021-08-31', '2021-08-31', 'day']);
    expect(due('inden juni 2019', '2019-04-11')).toEqual(['2019-05-01', '2019-05-31', 'month']);
    expect(due('før jul', meeting)).toEqual(['2019-12-01', '2019-12-23', 'season']);
    expect(due('inden sommerferien', '2024-03-12')).toEqual(['2024-06-01', '2024-06-30', 'season']);
    expect(due('i løbet af 2020', meeting)).toEqual(['2020-01-01', '2020-12-31', 'year']);
    expect(due('ultimo 2020', meeting)).toEqual(['2020-09-01', '2020-12-31', 'range']);
  });
});

describe('a year left out is the next such date after the meeting', () => {
  it('moves a date already passed this year to next year', () => {
    expect(due('d. 15. januar', '2019-11-20')).toEqual(['2020-01-15', '2020-01-15', 'day']);
    expect(due('1.4', '2019-08-27')).toEqual(['2020-04-01', '2020-04-01', 'day']);
  });

  it('never gives the meeting day itself', () => {
    expect(due('d. 27. august', '2019-08-27')).toEqual(['2020-08-27', '2020-08-27', 'day']);
  });

  it('takes the ISO week of the next year around New Year', () => {
    expect(due('uge 1', '2019-12-20')).toEqual(['2019-12-30', '2020-01-05', 'week']);
    expect(due('uge 2', '2020-12-28')).toEqual(['2021-01-11', '2021-01-17', 'week']);
  });

  it('keeps a period the meeting falls in ("medio april" on 11 April)', () => {
    expect(due('medio april', '2019-04-11')).toEqual(['2019-04-11', '2019-04-20', 'month-part']);
  });

  it('rolls a month span over New Year ("i december eller januar")', () => {
    expect(due('i december eller januar', '2019-11-20')).toEqual(['2019-12-01', '2020-01-31', 'range']);
  });

  it('puts 29 February in the next leap year', () => {
    expect(due('d. 29. februar', '2021-03-01')).toEqual(['2024-02-29', '2024-02-29', 'day']);
  });
});

describe('what is not a due date', () => {
  it.each([
    'fra 2016',
    'kl. 10.10',
    '3.5 mio. kr.',
    '12/4711',
    '29.09.04-P20-1-19',
    '9.00-9.20',
    'Januar:',
    'i 2 uger',
    'den 32. maj',
    'uge 54',
    'hurtigst muligt',
    'Jan Hansen',
    'jul',
  ])('ignores "%s"', (phrase) => {
    expect(findDueDates(phrase, '2019-08-27')).toEqual([]);
  });

  it('drops the meeting date, dated past events and decision-heading dates in running text', () => {
    const text = 'Mødet d. 27. august 2019. På Lederforum den 22. august 2019 blev det drøftet. BESLUTNING I CHEFFORUM DEN 14-03-2013.';
    expect(findDueDates(text, '2019-08-27')).toEqual([]);
  });

  it('reads a year-less date in the weeks before the meeting as a reference, not as next year', () => {
    expect(findDueDates('Referat fra Ledermødet d. 24. oktober blev godkendt.', '2023-11-07')).toEqual([]);
    expect(findDueDates('På chefseminaret d. 2 juni blev det drøftet.', '2021-06-24')).toEqual([]);
  });

  it('only scans month names and seasons with a preposition or a year', () => {
    expect(findDueDates('Januar: fastelavn. Sommer er dejligt.', '2019-08-27')).toEqual([]);
    expect(findDueDates('Det sker i november.', '2019-08-27').map((f) => f.due.text)).toEqual(['i november']);
  });
});

describe('finding dates in running text', () => {
  it('gives each date with where it was written', () => {
    const text = 'Ny deadline er den 23. maj 2019, og næste møde afholdes den 6. juni 2019.';
    const found = findDueDates(text, '2019-04-11');
    expect(found.map((f) => [f.due.due, text.slice(f.index, f.index + f.length)])).toEqual([
      ['2019-05-23', 'den 23. maj 2019'],
      ['2019-06-06', 'den 6. juni 2019'],
    ]);
  });

  it('leaves the sentence full stop out of the words', () => {
    expect(findDueDates('Vi ses d. 30. september.', '2021-06-24')[0].due.text).toBe('d. 30. september');
  });

  it('reads day.month at the start of a timeline line but not a clock time', () => {
    const text = '10.10 deadline for tilmelding\nMødet starter kl. 10.10\n- 5.12 evaluering';
    expect(findDueDates(text, '2019-08-27').map((f) => f.due.due)).toEqual(['2019-10-10', '2019-12-05']);
  });
});
