import type { Catalog } from '.';

export const storage: Catalog = {
  da: {
    'cli.store.where': 'Data: {where}',
    'cli.backup.forum': 'Forum {name} ({id}): {meetings} møder, {followUps} opfølgninger, {jobs} planlagte job → {file}',
    'cli.backup.done': '{count} fora gemt i {dir}',
    'cli.backup.none': 'Der er ingen fora at tage backup af.',
    'cli.restore.forum': 'Forum {name} ({id}) gendannet fra {file}: {meetings} møder, {followUps} opfølgninger, {jobs} planlagte job',
    'cli.restore.done': '{count} fora gendannet',
    'cli.restore.none': 'Ingen backupfiler (*.json) i {dir}',
  },
  en: {
    'cli.store.where': 'Data: {where}',
    'cli.backup.forum': 'Forum {name} ({id}): {meetings} meetings, {followUps} follow-ups, {jobs} scheduled jobs → {file}',
    'cli.backup.done': '{count} forums saved in {dir}',
    'cli.backup.none': 'There are no forums to back up.',
    'cli.restore.forum': 'Forum {name} ({id}) restored from {file}: {meetings} meetings, {followUps} follow-ups, {jobs} scheduled jobs',
    'cli.restore.done': '{count} forums restored',
    'cli.restore.none': 'No backup files (*.json) in {dir}',
  },
};
