namespace FichesSite.Content;

/// <summary>
/// The members of schema.org's MedicalSpecialty enumeration, which a service's « specialty: » names so that search
/// engines read it: any other word would be structured data no reader understands.
/// </summary>
public static class MedicalSpecialties
{
    public static readonly IReadOnlyList<string> All =
    [
        "Anesthesia", "Cardiovascular", "CommunityHealth", "Dentistry", "Dermatologic", "Dermatology", "DietNutrition",
        "Emergency", "Endocrine", "Gastroenterologic", "Genetic", "Geriatric", "Gynecologic", "Hematologic", "Infectious",
        "LaboratoryScience", "Midwifery", "Musculoskeletal", "Neurologic", "Nursing", "Obstetric", "Oncologic",
        "Optometric", "Otolaryngologic", "Pathology", "Pediatric", "PharmacySpecialty", "Physiotherapy", "PlasticSurgery",
        "Podiatric", "PrimaryCare", "Psychiatric", "PublicHealth", "Pulmonary", "Radiography", "Renal",
        "RespiratoryTherapy", "Rheumatologic", "SpeechPathology", "Surgical", "Toxicologic", "Urologic",
    ];
}
