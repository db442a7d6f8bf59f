/**
 * Teams meeting start/end events → handlers (wired when the meeting flow provides them).
 * The end event closes a linked meeting; "afslut møde" does the same, since the events are flaky.
 */
import { meetingEnd } from './handlers/meeting-close';
import type { MeetingEventHandler } from './types';

export const meetingEvents: { meetingStart?: MeetingEventHandler; meetingEnd?: MeetingEventHandler } = { meetingEnd };
