/** Word lists for the synthetic Dutch people and places; combinations are fictional. */

export const FIRST_NAMES = [
  'Jan',
  'Pieter',
  'Kees',
  'Willem',
  'Henk',
  'Bram',
  'Daan',
  'Sem',
  'Lucas',
  'Thijs',
  'Anna',
  'Emma',
  'Sophie',
  'Julia',
  'Fleur',
  'Lotte',
  'Sanne',
  'Marieke',
  'Ingrid',
  'Femke',
  'Ruud',
  'Joost',
  'Maarten',
  'Noor',
  'Evi',
  'Jeroen',
  'Annelies',
  'Gerrit',
  'Hanneke',
  'Wouter',
];

/** Surname prefixes (tussenvoegsels); the empty string means none. */
export const PREFIXES = ['', '', '', '', 'de', 'van', 'van der', 'van den', 'ter', 'van de'];

export const LAST_NAMES = [
  'Jong',
  'Vries',
  'Berg',
  'Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'Boer',
  'Mulder',
  'Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Leeuwen',
  'Dekker',
  'Brouwer',
  'Wit',
  'Dijkstra',
  'Smits',
  'Graaf',
  'Heuvel',
  'Kok',
  'Jacobs',
  'Haan',
  'Vermeulen',
  'Schouten',
  'Veen',
];

export const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Schoolstraat',
  'Stationsweg',
  'Beukenlaan',
  'Prinsengracht',
  'Julianastraat',
  'Wilhelminalaan',
  'Zuiderdiep',
  'Havenkade',
  'Lindelaan',
];

export const CITIES = [
  'Amersfoort',
  'Zwolle',
  'Deventer',
  'Leeuwarden',
  'Haarlem',
  'Tilburg',
  'Breda',
  'Assen',
  'Gouda',
  'Alkmaar',
  'Meppel',
  'Hoorn',
];

export const FUNCTIONS = [
  { code: 'BAK', name: 'Bakker' },
  { code: 'VRK', name: 'Verkoopmedewerker' },
  { code: 'MON', name: 'Monteur' },
  { code: 'PLN', name: 'Planner' },
  { code: 'VPK', name: 'Verpleegkundige' },
  { code: 'ADM', name: 'Administratief medewerker' },
  { code: 'TL', name: 'Teamleider' },
  { code: 'DIR', name: 'Directeur' },
];

export const DEPARTMENTS = [
  { code: 'PRD', name: 'Productie' },
  { code: 'VRK', name: 'Verkoop' },
  { code: 'ADM', name: 'Administratie' },
  { code: 'SRV', name: 'Service' },
];

export const CONTRACT_TYPES = ['Onbepaalde tijd', 'Bepaalde tijd'];

export const PARTTIME_PERCENTAGES = [100, 100, 100, 90, 80, 60, 50];

/** Monthly salary components: code, name, and amount as a share of the salary. */
export const SALARY_COMPONENTS = [
  { code: '1000', name: 'Salaris', share: 1 },
  { code: '1100', name: 'Reservering vakantietoeslag', share: 0.08 },
  { code: '4000', name: 'Pensioenpremie werknemer', share: -0.055 },
  { code: '5000', name: 'Loonheffing', share: -0.31 },
];
