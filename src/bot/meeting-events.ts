/**
 * Teams meeting start/end events → handlers. The end event closes the forum's meeting of that day;
 * "afslut møde" does the same, since the events are flaky (TEAMS.md). Start needs nothing yet.
 */
import { meetingEnd } from './handlers/meeting-close';
import type { MeetingEventHandler } from './types';

export const meetingEvents: { meetingStart?: MeetingEventHandler; meetingEnd?: MeetingEventHandler } = { meetingEnd };
