// The zone label of "their time" ('EST', else the city): the same in every locale.
//
// These are the zones for which ICU's en-US short name is letters (EST, PDT, GMT), with that name in
// standard time and in daylight time ('' where en-US has none then: London in summer shows 'London').
// Every other zone is shown by its city. A table rather than ICU at run time: the Date object's own
// zone name follows the user's locale (LANG=de_DE gave 'New York' where en_US gave 'EST'), and an
// Intl.DateTimeFormat costs about 15 ms on first use. test/commands/due-zones.test.ts holds the table
// equal to ICU's en-US names for every zone it knows.
import { offsetMinutes } from '../core/time.js';

const GROUPS: Array<[standard: string, daylight: string, zones: string]> = [
  ['GMT', 'GMT', 'Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome America/Danmarkshavn Atlantic/Reykjavik Atlantic/St_Helena'],
  ['HAST', 'HADT', 'America/Adak'],
  ['AKST', 'AKDT', 'US/Alaska America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat'],
  ['AST', 'AST', 'America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Kralendijk America/Lower_Princes America/Marigot America/Martinique America/Montserrat America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola'],
  ['CST', 'CST', 'America/Bahia_Banderas America/Belize America/Chihuahua America/Costa_Rica America/El_Salvador America/Guatemala America/Managua America/Merida America/Mexico_City America/Monterrey America/Regina America/Swift_Current America/Tegucigalpa'],
  ['MST', 'MDT', 'US/Mountain America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Denver America/Edmonton America/Inuvik'],
  ['EST', 'EST', 'America/Cancun America/Cayman America/Coral_Harbour America/Jamaica America/Panama'],
  ['CST', 'CDT', 'US/Central America/Chicago America/Indiana/Knox America/Indiana/Tell_City America/Matamoros America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rankin_Inlet America/Resolute America/Winnipeg'],
  ['MST', 'MST', 'US/Arizona America/Creston America/Dawson_Creek America/Fort_Nelson America/Phoenix'],
  ['EST', 'EDT', 'US/Eastern US/Michigan America/Indiana/Indianapolis America/Kentucky/Louisville America/Fort_Wayne America/Detroit America/Grand_Turk America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis America/Iqaluit America/Kentucky/Monticello America/Louisville America/Nassau America/New_York America/Port-au-Prince America/Toronto'],
  ['AST', 'ADT', 'America/Glace_Bay America/Goose_Bay America/Halifax America/Moncton America/Thule Atlantic/Bermuda'],
  ['PST', 'PDT', 'US/Pacific America/Los_Angeles America/Tijuana America/Vancouver'],
  ['GMT', '', 'Antarctica/Troll Europe/Dublin Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/London'],
  ['HST', 'HST', 'US/Hawaii Pacific/Honolulu'],
  ['UTC', 'UTC', 'UTC Etc/UTC Etc/UCT Etc/Universal Etc/Zulu UCT Universal Zulu'],
];

let byZone: Map<string, [string, string]> | undefined;

/** 'EST' where the zone has a common English abbreviation at `at`, else its city ('Jakarta', 'New York'). */
export function zoneLabel(zone: string, at: Date): string {
  const year = at.getUTCFullYear();
  return labelAt(zone, offsetMinutes(at, zone), offsetMinutes(new Date(Date.UTC(year, 0, 15)), zone), offsetMinutes(new Date(Date.UTC(year, 6, 15)), zone));
}

/**
 * zoneLabel from offsets already read (minutes east of UTC): the zone's at the instant, and in mid-January
 * and mid-July of its year; daylight time is the larger of those two.
 */
export function labelAt(zone: string, offset: number, january: number, july: number): string {
  byZone ??= new Map(GROUPS.flatMap(([standard, daylight, zones]) => zones.split(' ').map((z) => [z, [standard, daylight]] as const)));
  const names = byZone.get(zone);
  const city = zone.split('/').pop()!.replace(/_/g, ' ');
  if (!names) return city;
  const [standard, daylight] = names;
  if (standard === daylight) return standard;
  const daylightNow = january !== july && offset === Math.max(january, july);
  return (daylightNow ? daylight : standard) || city;
}
