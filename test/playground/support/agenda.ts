/**
 * An agenda of the invented forum in .m365agentsplayground.yml (Ledelsesforum, Bølgeby Kommune), in
 * the forum's usual text format, for a meeting on `day` at 09:00. Item 4 is closed and carries text
 * that must never reach the channel.
 */
import type { DateTime } from 'luxon';

export const CLOSED_SECRET = 'Fortrolig personalesag om afskedigelse af en navngiven medarbejder';

export const AGENDA_TITLES = [
  'Godkendelse af dagsorden og referat',
  'Fælles indgang for borgerhenvendelser',
  'Skriftlig orientering: Sygefravær 2026',
  'Lukket',
  'Hvad skal kommunikeres ud til afdelingerne efter mødet?',
  'Evt.',
];

export function playgroundAgenda(meetingDay: DateTime): string {
  const day = meetingDay.setZone('Europe/Copenhagen').setLocale('da');
  const weekday = day.toFormat('cccc');
  const yy = day.toFormat('yy');
  return `DAGSORDEN Ledelsesforum d. ${day.toFormat('dd-MM-yyyy')}

Mødedato ${weekday[0].toUpperCase()}${weekday.slice(1)} d. ${day.toFormat('d. LLLL yyyy')} kl. 09:00

Mødested Mødelokale 2, Bølgeby Rådhus

Punkt 1: LF - Godkendelse af dagsorden og referat

00.01.00-A00-1-${yy}

Indstilling

Direktøren indstiller,

1. at Ledelsesforum godkender dagsordenen
2. at Ledelsesforum godkender referatet fra sidste møde

Punkt 2: LF - Fælles indgang for borgerhenvendelser (9.10-9.40)

00.13.00-A21-4-${yy}

Anledning

Borgerne bliver sendt rundt mellem afdelingerne, og svartiderne er steget.

Sagsfremstilling

Borgerservice foreslår én fælles indgang, der visiterer til afdelingerne.

Indstilling

Direktøren indstiller,

1. at Ledelsesforum godkender den fælles indgang
2. at afdelingerne udpeger en kontaktperson

Punkt 3: LF - Skriftlig orientering: Sygefravær 2026

00.15.00-P20-2-${yy}

Sagsfremstilling

Sygefraværet er faldet fra 5,3 % til 4,9 %.

Indstilling

Direktøren indstiller, at orienteringen tages til efterretning.

Punkt 4: Lukket

00.30.00-P05-3-${yy}

${CLOSED_SECRET}.

Punkt 5: LF - Hvad skal kommunikeres ud til afdelingerne efter mødet?

00.00.00-A00-2-${yy}

Punkt 6: LF - Evt.

00.00.00-A00-2-${yy}
`;
}
