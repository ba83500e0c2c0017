// An emulated item taxonomy (category -> productTypeGroup -> productType) built from the product types
// in the schemas-cache. Walmart's real taxonomy is not cached, so groups are derived: product types that
// share a first word ("Animal Food", "Animal Accessories") form a group named by it, and categories come
// from keywords in the names. Good enough to browse and to test a client; not Walmart's own tree.

export interface TaxonomyCategory {
  category: string;
  productTypeGroup: Array<{ productTypeGroupName: string; productType: Array<{ productTypeName: string }> }>;
}

const CATEGORIES: ReadonlyArray<[RegExp, string]> = [
  [/^(animal|pet)\b/i, 'Animals'],
  [/^baby\b/i, 'Baby'],
  [/\b(music|instrument|movie|tv shows|book|magazine|video game)/i, 'Media, Music & Games'],
  [/\b(toy|game|sport|cycling|art|craft|gift|decoration|costume|party)/i, 'Toys, Hobbies & Party'],
  [/\b(food|beverage|grocery|candy|beef)/i, 'Food & Beverage'],
  [/\b(beauty|personal care|medic|health|optical|supplement|hygiene)/i, 'Health & Beauty'],
  [/\b(cloth|shirt|footwear|shoe|jewelry|watch|ceremonial|bags)/i, 'Clothing, Shoes & Accessories'],
  [/\b(computer|electron|cell phone|camera|photo|printer|tvs|video|sound|power bank|software|optics)/i, 'Electronics'],
  [/\b(garden|patio|grill|hose|outdoor)/i, 'Garden & Outdoor'],
  [/\b(tool|hardware|building|electrical|plumbing|fuel)/i, 'Home Improvement'],
  [/\b(home|bedding|furniture|storage|decor|appliance|cleaning|household)/i, 'Home'],
  [/\b(vehicle|tire|wheel|watercraft|auto)/i, 'Vehicles'],
  [/\b(office)/i, 'Office'],
];

export function categoryOf(productType: string): string {
  return CATEGORIES.find(([re]) => re.test(productType))?.[1] ?? 'Other';
}

function firstWord(name: string): string {
  return name.split(/[\s,&]+/)[0] ?? name;
}

export function buildTaxonomy(productTypes: readonly string[]): TaxonomyCategory[] {
  const unique = [...new Set(productTypes)].sort();
  const sharers = new Map<string, number>();
  for (const pt of unique) sharers.set(firstWord(pt), (sharers.get(firstWord(pt)) ?? 0) + 1);
  const tree = new Map<string, Map<string, string[]>>();
  for (const pt of unique) {
    const head = firstWord(pt);
    const group = (sharers.get(head) ?? 0) > 1 ? head : pt;
    const category = categoryOf(pt);
    const groups = tree.get(category) ?? new Map<string, string[]>();
    groups.set(group, [...(groups.get(group) ?? []), pt]);
    tree.set(category, groups);
  }
  return [...tree.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([category, groups]) => ({
      category,
      productTypeGroup: [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, pts]) => ({ productTypeGroupName: name, productType: pts.map((productTypeName) => ({ productTypeName })) })),
    }));
}
