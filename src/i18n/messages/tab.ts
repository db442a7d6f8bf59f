import type { Catalog } from '.';

/**
 * The meeting side panel: its JSON API's errors (server) and the page's own texts (bundled into the
 * browser page by esbuild, so keep this file free of imports other than types).
 */
export const tab: Catalog = {
  da: {
    'tab.error.unauthorized': 'Du er ikke logget ind via Teams. Luk panelet, og åbn det igen.',
    'tab.error.tenant': 'Din organisation har ikke adgang til denne app.',
    'tab.error.sso-not-configured':
      'Mødepanelet kræver Teams-login (SSO), og tjenesten kører i lokal tilstand uden app-id. Sæt MicrosoftAppId for at bruge panelet.',
    'tab.error.no-forum': 'Jeg kender ikke et forum for dette møde, og du er ikke med i et forum. Bed forummets sekretær om at tilføje dig.',
    'tab.error.not-member': 'Du er ikke med i dette forum. Bed forummets sekretær om at tilføje dig.',
    'tab.error.unsupported-action': 'Den handling kan ikke bruges i mødepanelet. Brug kortet i kanalen.',
    'tab.error.bundle-missing': 'Mødepanelets side er ikke bygget. Kør "npm run build:tab" på serveren.',
    'tab.page.title': 'Dagsorden og beslutninger',
    'tab.page.outside':
      'Denne side virker inde i et Teams-møde. Åbn mødet i Microsoft Teams, og vælg appen i mødets sidepanel for at se dagsordenen og registrere beslutninger.',
    'tab.page.loading': 'Henter dagsordenen …',
    'tab.page.login-failed': 'Jeg kunne ikke logge dig ind med Teams. Luk panelet, og åbn det igen.',
    'tab.page.network': 'Jeg kan ikke nå tjenesten lige nu. Prøv igen om lidt.',
    'tab.page.retry': 'Prøv igen',
    'tab.page.saving': 'Gemmer …',
    'tab.page.saved': 'Gemt.',
    'tab.page.not-saved': 'Ikke gemt. Det du skrev, står der stadig:',
    'tab.page.show-closed': 'Vis indholdet af det lukkede punkt',
    'tab.page.hide-closed': 'Skjul indholdet igen',
    'tab.page.role.manager': 'Du kan registrere beslutninger under hvert punkt.',
    'tab.page.follow-up': 'Opfølgning',
    'tab.page.language': 'Sprog:',
    'tab.page.language.da': 'Dansk',
    'tab.page.language.en': 'English',
    'tab.page.language.auto': 'Som Teams',
    'tab.page.role.guest': 'Du er ikke med i forummet: lukkede punkter vises ikke.',
    'tab.page.no-meeting': 'Der er ingen kommende møder med udsendt dagsorden endnu.',
    'tab.config.title': 'Mødepanel: dagsorden og beslutninger',
    'tab.config.text': 'Panelet viser mødets dagsorden, og sekretæren kan registrere beslutninger under mødet. Tryk på Gem for at tilføje det.',
  },
  en: {
    'tab.error.unauthorized': 'You are not signed in through Teams. Close the panel and open it again.',
    'tab.error.tenant': 'Your organisation has no access to this app.',
    'tab.error.sso-not-configured':
      'The meeting panel needs Teams sign-in (SSO), and the service runs in local mode without an app id. Set MicrosoftAppId to use the panel.',
    'tab.error.no-forum': "I know no forum for this meeting, and you are not in a forum. Ask the forum's secretary to add you.",
    'tab.error.not-member': "You are not in this forum. Ask the forum's secretary to add you.",
    'tab.error.unsupported-action': 'That action cannot be used in the meeting panel. Use the card in the channel.',
    'tab.error.bundle-missing': 'The meeting panel page has not been built. Run "npm run build:tab" on the server.',
    'tab.page.title': 'Agenda and decisions',
    'tab.page.outside':
      "This page works inside a Teams meeting. Open the meeting in Microsoft Teams and choose the app in the meeting's side panel to see the agenda and record decisions.",
    'tab.page.loading': 'Loading the agenda …',
    'tab.page.login-failed': 'I could not sign you in with Teams. Close the panel and open it again.',
    'tab.page.network': 'I cannot reach the service right now. Please try again shortly.',
    'tab.page.retry': 'Try again',
    'tab.page.saving': 'Saving …',
    'tab.page.saved': 'Saved.',
    'tab.page.not-saved': 'Not saved. What you wrote is still there:',
    'tab.page.show-closed': 'Show the closed item’s content',
    'tab.page.hide-closed': 'Hide the content again',
    'tab.page.role.manager': 'You can record decisions under each item.',
    'tab.page.follow-up': 'Follow-up',
    'tab.page.language': 'Language:',
    'tab.page.language.da': 'Dansk',
    'tab.page.language.en': 'English',
    'tab.page.language.auto': 'As Teams',
    'tab.page.role.guest': 'You are not in the forum: closed items are not shown.',
    'tab.page.no-meeting': 'There are no upcoming meetings with a published agenda yet.',
    'tab.config.title': 'Meeting panel: agenda and decisions',
    'tab.config.text': 'The panel shows the meeting’s agenda, and the secretary can record decisions during the meeting. Press Save to add it.',
  },
};
