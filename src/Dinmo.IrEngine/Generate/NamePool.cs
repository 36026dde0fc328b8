namespace Dinmo.IrEngine.Generate;

/// <summary>
/// The fixed word lists persons are drawn from: European first and last names (accented ones on
/// purpose, to exercise <c>fold_accents</c> and code-point Jaro-Winkler), email domains and
/// countries with their calling codes. Changing a list changes every generated file.
/// </summary>
internal static class NamePool
{
    public static readonly string[] FirstNames =
    [
        "Zoë", "Łukasz", "François", "Chloé", "Hélène", "José", "Søren", "Jürgen", "Ana", "Noël",
        "Agnieszka", "Émilie", "Björn", "Inès", "Raphaël", "Matthias", "Camille", "Lucas", "Emma", "Louis",
        "Sophie", "Thomas", "Julia", "Marco", "Giulia", "Pablo", "Lucía", "Oliver", "Amelia", "Jakub",
        "Zofia", "Léa", "Hugo", "Mia", "Paul", "Lena", "Ole", "Ingrid", "Sara", "David",
        "Laura", "Nicolas", "Manon", "Antoine", "Clara", "Elias", "Marta", "Tomasz", "Anaïs", "Maël",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Dupont", "Łukaszewicz", "Nowak", "Lefèvre", "García", "Schröder", "Jørgensen", "Rossi", "Martin",
        "Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Fernández", "López", "Martínez", "Smith",
        "Jones", "Taylor", "Brown", "Williams", "Wilson", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner",
        "Becker", "Hoffmann", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Bianchi", "Romano", "Colombo", "Ricci",
        "Fontaine", "Girard", "Bonnet", "Mercier", "Rousseau", "Blanc", "Guérin", "Faure", "André", "Chevalier",
        "Gauthier", "Perrin", "Morel", "Roux", "Lambert", "Nielsen", "Hansen", "Larsen", "Sørensen", "Öztürk",
        "Núñez", "Peña", "Gómez", "Díaz", "Ferreira", "Gonçalves", "Strauß", "Krüger", "Köhler", "Wolff",
    ];

    public static readonly string[] EmailDomains =
    [
        "gmail.com", "yahoo.fr", "outlook.com", "hotmail.com", "gmx.de", "web.de", "orange.fr", "free.fr",
        "wp.pl", "libero.it", "proton.me", "icloud.com",
    ];

    /// <summary>+tags users add to their address when signing up somewhere.</summary>
    public static readonly string[] EmailTags = ["shop", "news", "promo", "app", "2023"];

    /// <summary>ISO country, calling code, and the digits of a national mobile number after the trunk 0.</summary>
    public static readonly Country[] Countries =
    [
        new("FR", "33", 9), new("FR", "33", 9), new("FR", "33", 9), new("DE", "49", 10), new("DE", "49", 10),
        new("PL", "48", 9), new("ES", "34", 9), new("IT", "39", 9), new("GB", "44", 10), new("NL", "31", 9),
    ];
}

