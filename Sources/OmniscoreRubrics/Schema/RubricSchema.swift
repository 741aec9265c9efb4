/// The XML Schema of the rubric language, embedded so `omniscore` validates rubrics wherever it runs; the same
/// text as Rubrics/schema/rubric.xsd (a test keeps them equal).
public enum RubricSchema {}
