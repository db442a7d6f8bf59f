import type { Catalog } from '.';

export const common: Catalog = {
  da: {
    'error.invalid-input': 'Det kunne jeg ikke forstå: {reason}',
    'error.not-found': 'Det findes ikke (længere).',
    'error.forbidden': 'Det er kun forummets sekretær eller formand, der kan gøre det.',
    'error.conflict': 'En anden har ændret det samme i mellemtiden. Dine ændringer er ikke gemt – se den opdaterede version og prøv igen.',
    'error.too-large': 'Det er for stort til, at jeg kan tage imod det. Gør det mindre, og prøv igen.',
    'error.too-large.file': 'Filen {name} er for stor: den er over grænsen på {max} MB.',
    'error.too-large.agenda': 'Teksten er for lang til en dagsorden: den skal være under {max} mio. tegn.',
    'error.too-large.comment': 'En kommentar kan højst være {max} tegn.',
    'error.storage-unavailable': 'Jeg kan ikke gemme lige nu. Intet er gået tabt – prøv igen om lidt.',
    'error.internal': 'Der skete en fejl hos mig. Prøv igen om lidt.',
    'error.your-input': 'Det du skrev:',
  },
  en: {
    'error.invalid-input': 'I could not understand that: {reason}',
    'error.not-found': 'That does not exist (any more).',
    'error.forbidden': "Only the forum's secretary or chair can do that.",
    'error.conflict': 'Someone else changed the same thing meanwhile. Your changes were not saved – look at the updated version and try again.',
    'error.too-large': 'That is too large for me to accept. Make it smaller and try again.',
    'error.too-large.file': 'The file {name} is too large: it is over the limit of {max} MB.',
    'error.too-large.agenda': 'The text is too long for an agenda: it must be under {max} million characters.',
    'error.too-large.comment': 'A comment can be at most {max} characters.',
    'error.storage-unavailable': 'I cannot save right now. Nothing was lost – please try again shortly.',
    'error.internal': 'Something went wrong on my side. Please try again shortly.',
    'error.your-input': 'What you wrote:',
  },
};
