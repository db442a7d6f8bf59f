/** An invented forum's minutes in the forum format (plain text as from PDF), for CLI and reader tests. */
export const FIXTURE_MINUTES = `REFERAT Ledelsesforum d. 14-03-2023

Mødedato Tirsdag d. 14. marts 2023 kl. 13:00

Mødested Byrådssalen

Indholdsfortegnelse

LF - Godkendelse af dagsorden og referat.....	2
LF - Ny velkomstpakke til nye medarbejdere (13.10-13.40).....	3
Lukket.....	4
LF - Hvad skal kommunikeres ud til afdelingerne efter mødet?.....	5

Punkt 1: LF - Godkendelse af dagsorden og referat

00.01.00-A21-4-23

Indstilling

Direktøren indstiller,

1. at Ledelsesforum godkender dagsordenen
2. at Ledelsesforum godkender referatet fra mødet den 28. februar 2023

Beslutning

Godkendt.

Punkt 2: LF - Ny velkomstpakke til nye medarbejdere (13.10-13.40)

81.02.00-P20-2-23

Anledning

HR har lavet et udkast til en fælles velkomstpakke.

Indstilling

Chefen for HR indstiller,

1. at Ledelsesforum godkender udkastet
2. at afdelingerne melder kontaktpersoner ind

Beslutning

Ledelsesforum godkendte udkastet.

Afdelingerne melder kontaktpersoner ind senest den 31. marts 2023.

Bilag

Udkast til velkomstpakke

Punkt 3: Lukket

00.01.00-S00-1-23

Punkt 4: LF - Hvad skal kommunikeres ud til afdelingerne efter mødet?

00.01.00-A21-4-23

Beslutning

Den nye velkomstpakke tages i brug fra 1. maj.
`;
