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
    'cli.restore.in-use':
      'Lageret er i brug (der er allerede data i: {tables}). En gendannelse her kan skrue tiden tilbage: sendte påmindelser sendes igen, og afsluttede opfølgninger åbnes igen. Gendan til et tomt lager, eller brug --force for at flette: det, der findes i lageret, bevares, og kun det, der mangler, tilføjes fra backuppen.',
    'cli.restore.merging':
      'Lageret er i brug: fletter (--force). Det, der findes i lageret, bevares; kun det, der mangler eller er nyere i backuppen, skrives.',
  },
  en: {
    'cli.store.where': 'Data: {where}',
    'cli.backup.forum': 'Forum {name} ({id}): {meetings} meetings, {followUps} follow-ups, {jobs} scheduled jobs → {file}',
    'cli.backup.done': '{count} forums saved in {dir}',
    'cli.backup.none': 'There are no forums to back up.',
    'cli.restore.forum': 'Forum {name} ({id}) restored from {file}: {meetings} meetings, {followUps} follow-ups, {jobs} scheduled jobs',
    'cli.restore.done': '{count} forums restored',
    'cli.restore.none': 'No backup files (*.json) in {dir}',
    'cli.restore.in-use':
      'The storage is in use (there is data in: {tables}). Restoring here can turn the clock back: reminders already sent are sent again and finished follow-ups reopen. Restore into an empty storage, or use --force to merge: what the storage holds is kept and only what is missing is added from the backup.',
    'cli.restore.merging': 'The storage is in use: merging (--force). What the storage holds is kept; only what is missing or newer in the backup is written.',
  },
};
