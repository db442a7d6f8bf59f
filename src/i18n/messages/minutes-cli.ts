import type { Catalog } from '.';

/** The outline `followup import` prints without --json. */
export const minutesCli: Catalog = {
  da: {
    'cli.import.items': '{count} punkter',
    'cli.import.item': 'Punkt {number}',
    'cli.import.closed': 'Lukket',
    'cli.import.proposals': 'Forslag',
    'cli.import.decision': 'Beslutning',
    'cli.import.noDecision': 'ingen beslutning',
    'cli.import.attachments': 'Bilag',
    'cli.import.communications': 'Kommunikeres ud til afdelingerne',
    'cli.import.none': 'Intet',
    'cli.import.notBefore': 'tidligst {date}',
    'cli.import.followUps': 'Opfølgning',
    'cli.import.owner': 'ansvarlig: {owner}',
    'cli.import.due': 'frist: {due}',
    'cli.import.warnings': 'Advarsler',
    'cli.export.wrote': 'Skrev {file} ({bytes} bytes)',
  },
  en: {
    'cli.import.items': '{count} items',
    'cli.import.item': 'Item {number}',
    'cli.import.closed': 'Closed',
    'cli.import.proposals': 'Proposals',
    'cli.import.decision': 'Decision',
    'cli.import.noDecision': 'no decision',
    'cli.import.attachments': 'Attachments',
    'cli.import.communications': 'To communicate to the departments',
    'cli.import.none': 'None',
    'cli.import.notBefore': 'not before {date}',
    'cli.import.followUps': 'Follow-ups',
    'cli.import.owner': 'owner: {owner}',
    'cli.import.due': 'due: {due}',
    'cli.import.warnings': 'Warnings',
    'cli.export.wrote': 'Wrote {file} ({bytes} bytes)',
  },
};
