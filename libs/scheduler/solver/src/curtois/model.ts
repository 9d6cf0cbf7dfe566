// The Curtois & Qu shift-scheduling benchmark (DOMAIN.md §7): the instance as read from the file,
// with string ids exactly as written. Day 0 is a Monday; days are 0-based indexes into the horizon.

export interface CurtoisShift {
  id: string;
  minutes: number;
  /** Shift ids that may not be worked on the day after this one. */
  cannotFollow: string[];
}

export interface CurtoisStaff {
  id: string;
  /** Maximum number of shifts of each type; a type missing here has no limit of its own. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface CurtoisRequest {
  employee: string;
  day: number;
  shift: string;
  weight: number;
}

export interface CurtoisCover {
  day: number;
  shift: string;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

export interface CurtoisInstance {
  name: string;
  horizon: number;
  shifts: CurtoisShift[];
  staff: CurtoisStaff[];
  /** Days each employee must not work, by employee id. */
  daysOff: Record<string, number[]>;
  onRequests: CurtoisRequest[];
  offRequests: CurtoisRequest[];
  cover: CurtoisCover[];
}

/** One line of a solution file: EmployeeID,Day,ShiftID (days off are not listed). */
export interface CurtoisAssignment {
  employee: string;
  day: number;
  shift: string;
}
