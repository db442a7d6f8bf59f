import { bot } from './bot';
import { cards } from './cards';
import { common } from './common';
import { figures } from './figures';
import { meeting } from './meeting';
import { minutes } from './minutes';
import { minutesCli } from './minutes-cli';
import { reminders } from './reminders';
import { storage } from './storage';
import { tab } from './tab';

export interface Catalog {
  da: Record<string, string>;
  en: Record<string, string>;
}

/** Add each area's catalog here. */
export const catalogs: Catalog[] = [common, bot, cards, minutesCli, reminders, meeting, minutes, storage, tab, figures];
