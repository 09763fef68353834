/**
 * Name lexicon for the identifier guard, built once from maintained lists:
 * - first and last names of every Latin-script locale in @faker-js/faker, extracted into
 *   name-lexicon.json by scripts/build-name-lexicon.ts (a test keeps it in sync);
 * - the US census-derived first and last name lists shipped with @zxcvbn-ts/language-en;
 * - a short supplement of common names from communities those lists under-represent.
 * A name that is also an everyday English word ("Hope", "Will", "Brown") is "ambiguous"
 * and needs context before it counts.
 */
import { dictionary as en } from '@zxcvbn-ts/language-en';
import { dictionary as es } from '@zxcvbn-ts/language-es-es';
import fs from 'node:fs';
import nlp from 'compromise';
import wordListPath from 'word-list';
import faker from './name-lexicon.json';

const SUPPLEMENT_FIRST = `aaliyah abdi abdullah adaeze adebayo ade aiko akira amara amir anh arjun ayesha bao chidi chinedu chioma
chen deepak dmitri emeka eun farah farid fatima gulnara hamza hana hiroshi hoang huong hyun imani ivan jae jin jun kaito kemal
keisha kenji kwame lakshmi lamar latoya li ling malik mei minh mohammed nadia naveen ngozi nkechi obinna oksana olga oluwaseun
priya quang rahul raj ravi reza rohan sakura sanjay seo shanice shreya sina sung svetlana tariq thanh tuan vikram wei xin yan
yasmin yuki yusuf zainab zhang zhen tyrone darnell deshawn jamal jaylen kareem latisha tanisha ebony`;
const SUPPLEMENT_LAST = `abara abubakar adeyemi afolabi agarwal ahmadi akhtar al-amin alvarado anand begay benally bui chang chavez
chowdhury dang das desai do duong eze fofanah ghosh gupta haddad hashemi ho hussain ibrahim ivanov ivanova iyer jimenez joshi kapoor
kaur khalil khan khoury kim kowalczyk kumar kuznetsov kuznetsova lam le liu lopez ly mahmoud mbeki mehta mensah mishra morozov
mwangi nair nakamura ncube ng nguyen nwosu obi odhiambo ogunleye okafor okeke okonkwo okoro ortiz osei park pham petrov petrova
popov popova qureshi rahman rao reddy saleh sato shah sharma singh smirnov smirnova sokolov sokolova suzuki takahashi tanaka tran
truong tsosie vasquez volkov volkova vu wang watanabe wu yamamoto yang yazzie yilmaz zhang zhao zhou`;

/** Capitalised words that, in these narratives, are never a person's name. */
const NEVER_NAMES = `officer deputy sergeant sgt lieutenant lt detective det trooper corporal cpl captain capt chief sheriff marshal
clinician counselor counsellor therapist nurse doctor dr paramedic medic firefighter dispatcher dispatch caller subject client patient
resident person individual family member members partner agency county city state police department dept office bureau services
service center centre hospital clinic health behavioral behavioural mental crisis team unit line lifeline model intercept sequential
mobile response program programme court jail detention emergency ems fire station district division precinct sector beat zone
committee coalition alliance network association foundation institute university college school church shelter housing authority
medicaid medicare disposition referral transport follow followup monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december street avenue road boulevard drive lane way court
place terrace circle parkway highway trail north south east west northeast northwest southeast southwest the a an this that these
those he she they his her their him them it its we our you your i my me mr mrs ms miss mx in on at by for from to of with without
and or but if when while after before during because although though since until within about above below over under into onto
upon via per caller reported said stated told asked called texted arrived dispatched transported transferred responded contacted
january call calls incident incidents case cases report reports narrative summary note notes timeline finding findings
recommendation recommendations review reviews meeting agenda minutes goal goals safety recovery trauma veteran veterans cit nami
sim samhsa ems er icu va first second third fourth fifth gps atm usa us american english spanish black white asian hispanic latino latina native indigenous
christmas thanksgiving easter covid mon tue tues wed weds thur thurs fri name names dob sex race gender age phone address email location parkinson alzheimer huntington crohn asperger tourette hodgkin lou gehrig`;

/** Names that are everyday words: they count only with context ("her daughter, Hope"). */
const AMBIGUOUS = `will hope grace faith joy mark bill rose may june april august summer autumn winter spring dawn sky river
lane park hill wood woods stone ray chase drew frank rich guy jack jay major miles price young white black brown green gray grey
king page love lucky noble ward bell cross day fox hall snow star art sandy crystal amber ruby pearl jade iris ivy holly heather
daisy lily violet olive ginger honey candy misty rusty dusty sunny destiny harmony justice liberty trinity patience mercy charity
constance earnest hunter rich case early long short small little best church house field camp law post story rock block queen
light gold high main power low free bay bridge born bank rule sale list lack record work mercy angel christian iii ii jr sr
north south east west new fort valley english french german irish polish russian chinese mexican dutch welsh scott wells banks
cash penny sterling storm august september lincoln washington jefferson franklin madison jackson houston austin dallas phoenix
denver orlando charlotte jordan (none)`;

/** Relation and role words (singular and plural): they introduce a name but are never one. */
const CUE_WORDS = words(`brother brothers sister sisters mother mothers father fathers mom dad son sons daughter daughters wife
husband boyfriend girlfriend fiance fiancee spouse neighbor neighbors neighbour neighbours friend friends cousin cousins aunt uncle
grandmother grandfather grandma grandpa grandson granddaughter nephew niece roommate roommates landlord landlady guardian caregiver
caregivers parents parent relatives relative witnesses witness bystanders bystander staff officers deputies clinicians callers
residents neighbors tenants tenant victim victims complainant coworker coworkers employer boss manager teacher teachers student
students nurses paramedics medics firefighters juvenile peer peers specialist specialists advocate advocates chair coordinator`);

/**
 * Spanish function words and everyday verbs: words even where a name list has them as a surname
 * ("su", "la", "dice"). Notes in US crisis work are often bilingual.
 */
const SPANISH_WORDS = `que de la el en y a los se del las un por con no una su para es al lo como más mas pero sus le ya o este sí si
porque esta entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso
ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar
estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros os dice dijo decía está están estaba estaban tiene tienen
tenía fue era son hace hizo va iba quiere quería puede podía ha han había solo sólo ahora luego aquí allí bien mal casa hijo hija
hermano hermana madre padre mamá papá abuela abuelo tío tía esposo esposa novio novia amigo amiga vecino vecina señor señora`;
/** Spanish titles before a name: they introduce one but are never one. */
export const SPANISH_TITLES = `sr sra srta dra doña señor señora señorita lic licenciado licenciada`;

/** A word as the scanner reads it: accents and other combining marks removed. */
const plain = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '');

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w && w !== '(none)');
}

const LATIN = /^[a-z][a-z' -]*$/;

export interface NameLexicon {
  first: Set<string>;
  last: Set<string>;
  never: Set<string>;
  ambiguous: Set<string>;
  english: Set<string>;
  /** The 30,000 most frequent words of English film and TV subtitles (includes some names). */
  common: Set<string>;
  /** Ordinary English words (some are names too: "grace", "bell"): the word-list package, compromise's non-name lexicon, chat shorthand. */
  dictionary: Set<string>;
  /** Role and job nouns ("officer", "visitor", "texter"): never a name, and a cue before one. */
  roles: Set<string>;
  /** Cities, regions, countries, organisations, vehicle makes and models: not a person. */
  places: Set<string>;
  vehicles: Set<string>;
  /** The 3,000 most frequent words of film and TV subtitles: sentence openers ("No", "Per", "Nobody"). */
  frequent: Set<string>;
}

/** Vehicle makes and models seen in incident text: "a gray Toyota Tacoma" is not a person. */
const VEHICLES = `toyota tacoma corolla camry prius rav4 tundra highlander sienna ford escape explorer focus fusion taurus ranger
f-150 mustang bronco expedition honda civic accord odyssey pilot crv cr-v nissan versa altima sentra rogue maxima pathfinder
frontier chevy chevrolet silverado malibu impala tahoe suburban equinox cruze dodge ram charger durango caravan jeep cherokee
wrangler compass liberty subaru outback forester impreza legacy crosstrek kia soul optima sorento sportage forte hyundai elantra
sonata tucson santa mazda volkswagen vw jetta passat golf beetle bmw audi mercedes benz lexus acura infiniti buick cadillac
chrysler gmc lincoln mitsubishi volvo tesla pontiac saturn oldsmobile mercury plymouth isuzu suzuki scion mini fiat`;

/** Chat and form speaker labels, collective nouns and other words that head a clause but name nobody. */
const ROLES_EXTRA = `subj rp ro loc addr adv unk ofc ofcr pt pts hx yo lic veh dcr mct csu eta utl vol cb ph si ip jo dv ems
prn pd sfd spd kcso wsp dob ssn mrn aka nka fka dx rx tx sx fx acct re enrt enr clr rpt chk`;
const CHAT_WORDS = `idk rn u ur lol omg tbh btw pls plz thx ty np ok okay ya yea yeah nah hmm umm bc cuz wtf smh imo irl dm txt
gf bf wi-fi wifi ipv ipv4 ipv6 cc bcc fwd qhs qam qpm bid tid prn wont cant didnt isnt doesnt hasnt wasnt dont im ive id ill youre theyre thats whats hes shes`;
const ROLES_EXTRA_2 = `texter visitor guest poster user member volunteer responder counselor counsellor navigator specialist advocate
operator agent supervisor chaplain ranger security staff everyone everybody someone somebody nobody anyone anybody none management
records dispatch admissions intake reception triage registration hotline chat crew medics police fire ems deputies team committee
board panel court jury judge prosecution defense defence mom mum dad grandma grandpa auntie nana papa mama mommy daddy granny abuela abuelo tio tia
husband wife son daughter brother sister mother father neighbor neighbour friend roommate caller reporter witness
call-taker call-takers calltaker calltakers co-responder co-responders first-responder first-responders`;

function compromiseWords(): { names: Set<string>; roles: Set<string>; places: Set<string>; words: Set<string> } {
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const names = new Set<string>();
  const roles = new Set<string>();
  const places = new Set<string>();
  const wordsOut = new Set<string>();
  for (const [w, t] of Object.entries(lex)) {
    const tags = Array.isArray(t) ? t : [t];
    if (w.includes(' ')) continue;
    if (tags.some((x) => /Name$|^Person$/.test(x))) names.add(w);
    else if (tags.includes('Actor')) roles.add(w);
    else if (tags.some((x) => /^(?:City|Place|Region|Country|Organization|SportsTeam|Demonym)$/.test(x))) places.add(w);
    else wordsOut.add(w);
  }
  return { names, roles, places, words: wordsOut };
}

let cached: NameLexicon | null = null;

/** Adds lower-cased Latin-script name parts ("Mary-Jane" → mary, jane) of at least two letters. */
export function addNames(into: Set<string>, list: readonly string[] | undefined): void {
  for (const raw of list ?? []) {
    const n = raw.toLowerCase();
    if (!LATIN.test(n)) continue;
    for (const part of n.split(/[ -]/)) if (part.length >= 2) into.add(part);
  }
}

export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const first = new Set<string>();
  const last = new Set<string>();
  addNames(first, faker.first);
  addNames(last, faker.last);
  const dict = en as unknown as Record<string, string[]>;
  addNames(first, dict['firstnames-en']);
  addNames(last, dict['lastnames-en']);
  addNames(first, words(SUPPLEMENT_FIRST));
  addNames(last, words(SUPPLEMENT_LAST));
  const never = new Set(words(NEVER_NAMES));
  const english = new Set<string>([...(dict['wikipedia-en'] ?? [])]);
  const ambiguous = new Set(words(AMBIGUOUS));
  const common = new Set((dict['commonWords-en'] ?? []).slice(0, 30000));
  // A name that is also an everyday word: frequent both in Wikipedia and in film and TV subtitles.
  for (const w of english) if ((first.has(w) || last.has(w)) && common.has(w) && !SUPPLEMENT_FIRST.includes(w)) ambiguous.add(w);
  for (const w of never) {
    first.delete(w);
    last.delete(w);
  }
  for (const w of CUE_WORDS) never.add(w);
  const c = compromiseWords();
  for (const w of c.names) if (/^[a-z][a-z'-]+$/.test(w)) first.add(w);
  // CAD abbreviations (ROLES_EXTRA: "VEH", "LOC", "SUBJ") are never names, but only role nouns introduce one.
  const roles = new Set([...c.roles, ...words(ROLES_EXTRA_2), ...CUE_WORDS]);
  for (const w of words(ROLES_EXTRA)) never.add(w);
  const hardRoles = new Set([...words(ROLES_EXTRA), ...words(ROLES_EXTRA_2), ...CUE_WORDS]);
  const places = new Set([...c.places, ...words(VEHICLES)]);
  for (const w of places) if ((first.has(w) || last.has(w)) && !c.names.has(w)) ambiguous.add(w);
  const dictionary = new Set<string>();
  // Surnames that are words ("threat", "bell") stay words; first names do not.
  // An English word list (274k words, word-game spelling lists: no surnames of TV characters, unlike subtitles).
  // A name in the word list ("maria", "ana") stays a name unless Wikipedia's or compromise's vocabulary has it as a word.
  // (Surnames that are words, "kitchen", "bell", stay words: context decides.)
  for (const w of fs.readFileSync(wordListPath, 'utf8').split('\n'))
    if (w && (!first.has(w) || english.has(w) || c.words.has(w))) dictionary.add(w);
  for (const w of c.words) if (!c.names.has(w)) dictionary.add(w);
  for (const w of words(CHAT_WORDS)) dictionary.add(w);
  // Everyday Spanish: the 10,000 most frequent words of Spanish subtitles that no name list has, and the function words.
  const esDict = es as unknown as Record<string, string[]>;
  const esNames = new Set([...(esDict['firstnames-es-es'] ?? []), ...(esDict['lastnames-es-es'] ?? [])].map(plain));
  // The scanner reads text without accents (normalize.ts): so do the Spanish words ("mamá" → "mama").
  for (const w of (esDict['commonWords-es-es'] ?? []).slice(0, 10000).map(plain))
    if (!first.has(w) && !last.has(w) && !esNames.has(w) && !w.includes(' ')) dictionary.add(w);
  // Short function words always ("la", "su"); a longer one that is a first name ("ella", "nada") stays a name too.
  for (const w of words(SPANISH_WORDS).map(plain)) if (w.length < 4 || !first.has(w)) dictionary.add(w);
  for (const w of words(SPANISH_TITLES).map(plain)) never.add(w);
  for (const w of roles) {
    // "Baker", "Taylor", "Mason" are roles and surnames: context decides.
    if (!hardRoles.has(w) && (first.has(w) || last.has(w))) {
      ambiguous.add(w);
      continue;
    }
    never.add(w);
    first.delete(w);
    last.delete(w);
  }
  cached = {
    first,
    last,
    never,
    ambiguous,
    english,
    common,
    dictionary,
    roles,
    places,
    vehicles: new Set(words(VEHICLES)),
    frequent: new Set((dict['commonWords-en'] ?? []).slice(0, 3000)),
  };
  return cached;
}
