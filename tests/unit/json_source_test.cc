#include "runner/input/json_source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace settle {
namespace {

// "L:C" of a position, so a failure shows both numbers at once.
std::string at(SourcePosition where) {
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string position(const JsonSource& source, const std::string& path) {
  return at(source.position_of(path));
}

// Parses a text that must not parse and returns the error's position and message.
std::pair<std::string, std::string> syntax_error_of(const std::string& text) {
  try {
    JsonSource::parse(text);
  } catch (const JsonSyntaxError& error) {
    return {at(error.where()), error.what()};
  }
  ADD_FAILURE() << "parsed without an error: " << text;
  return {};
}

TEST(JsonSourcePaths, MemberPathJoinsWithDotAndRootHasNoPrefix) {
  EXPECT_EQ(JsonSource::member_path("", "cases"), "cases");
  EXPECT_EQ(JsonSource::member_path("cases[3]", "expect"), "cases[3].expect");
}

TEST(JsonSourcePaths, ElementPathAppendsIndexInBrackets) {
  EXPECT_EQ(JsonSource::element_path("cases", 3), "cases[3]");
  EXPECT_EQ(JsonSource::element_path("", 0), "[0]");
}

TEST(JsonSource, ParsesValuesIntoRoot) {
  JsonSource source = JsonSource::parse(R"({"a": [1, "x", true, null], "b": {"c": 2.5}})");
  EXPECT_EQ(source.root(),
            nlohmann::json::parse(R"({"a": [1, "x", true, null], "b": {"c": 2.5}})"));
}

TEST(JsonSource, LineCommentsAreAllowed) {
  JsonSource source = JsonSource::parse("// heading\n{\"a\": 1 // trailing\n}");
  EXPECT_EQ(source.root(), nlohmann::json({{"a", 1}}));
}

TEST(JsonSource, BlockCommentsAreAllowed) {
  JsonSource source = JsonSource::parse("/* one\n two */ {\"a\": /* inline */ [1, /* x */ 2]}");
  EXPECT_EQ(source.root(), nlohmann::json({{"a", {1, 2}}}));
}

TEST(JsonSource, CommentMarkersInsideStringsAreText) {
  JsonSource source = JsonSource::parse(R"({"a": "// not a comment /* nor this */"})");
  EXPECT_EQ(source.root()["a"], "// not a comment /* nor this */");
}

TEST(JsonSourcePositions, RootObjectIsAtItsBrace) {
  JsonSource source = JsonSource::parse("\n\n   {\"a\": 1}");
  EXPECT_EQ(position(source, ""), "3:4");
}

TEST(JsonSourcePositions, MemberIsAtItsKey) {
  JsonSource source = JsonSource::parse("{\n  \"a\": 1,\n    \"bb\": \"x\"\n}");
  EXPECT_EQ(position(source, "a"), "2:3");
  EXPECT_EQ(position(source, "bb"), "3:5");
}

TEST(JsonSourcePositions, NestedMemberPaths) {
  JsonSource source = JsonSource::parse("{\"a\": {\n \"b\": {\"c\": 1}}}");
  EXPECT_EQ(position(source, "a"), "1:2");
  EXPECT_EQ(position(source, "a.b"), "2:2");
  EXPECT_EQ(position(source, "a.b.c"), "2:8");
}

TEST(JsonSourcePositions, PositionsAfterCommentsCountTheComments) {
  JsonSource source = JsonSource::parse("// c\n{ /* xx */ \"a\": 1 }");
  EXPECT_EQ(position(source, "a"), "2:12");
}

TEST(JsonSourcePositions, StringElementIsAtItsOpeningQuote) {
  JsonSource source = JsonSource::parse("[\"a\",\n  \"b\\\"q\", \"c\"]");
  EXPECT_EQ(position(source, "[0]"), "1:2");
  EXPECT_EQ(position(source, "[1]"), "2:3");
  EXPECT_EQ(position(source, "[2]"), "2:11");
}

TEST(JsonSourcePositions, ObjectAndArrayElementsAreAtTheirOpeningBracket) {
  JsonSource source = JsonSource::parse("[{}, \n [1]]");
  EXPECT_EQ(position(source, "[0]"), "1:2");
  EXPECT_EQ(position(source, "[1]"), "2:2");
}

TEST(JsonSourcePositions, NumberElementIsAtItsFirstCharacter) {
  JsonSource source = JsonSource::parse("[12, 3.5,\n  -7]");
  EXPECT_EQ(position(source, "[0]"), "1:2");
  EXPECT_EQ(position(source, "[1]"), "1:6");
  EXPECT_EQ(position(source, "[2]"), "2:3");
}

TEST(JsonSourcePositions, LiteralElementIsAtItsFirstCharacter) {
  JsonSource source = JsonSource::parse("[true, false, null]");
  EXPECT_EQ(position(source, "[0]"), "1:2");
  EXPECT_EQ(position(source, "[1]"), "1:8");
  EXPECT_EQ(position(source, "[2]"), "1:15");
}

TEST(JsonSourcePositions, ScalarRootIsAtItsFirstCharacter) {
  EXPECT_EQ(position(JsonSource::parse("  42"), ""), "1:3");
  EXPECT_EQ(position(JsonSource::parse("\"s\""), ""), "1:1");
}

TEST(JsonSourcePositions, ElementInsideMember) {
  JsonSource source = JsonSource::parse("{\"cases\": [\n  {\"id\": \"x\"},\n  {\"id\": \"y\"}\n]}");
  EXPECT_EQ(position(source, "cases"), "1:2");
  EXPECT_EQ(position(source, "cases[1]"), "3:3");
  EXPECT_EQ(position(source, "cases[1].id"), "3:4");
}

TEST(JsonSourcePositions, UnknownPathFallsBackToNearestRecordedAncestor) {
  JsonSource source = JsonSource::parse("{\n \"a\": {\n  \"b\": [1]}}");
  EXPECT_EQ(position(source, "a.b[7]"), "3:3");
  EXPECT_EQ(position(source, "a.zz.yy"), "2:2");
  EXPECT_EQ(position(source, "nothing"), "1:1");
}

TEST(JsonSourcePositions, ColumnsCountCharactersNotUtf8Bytes) {
  // "é" is two bytes but one column: the key "b" starts at the 10th character.
  JsonSource source = JsonSource::parse("{\"\xC3\xA9\": 1, \"b\": 2}");
  EXPECT_EQ(position(source, "b"), "1:10");
}

// A file written without line breaks asks every position of one line (issue 21): the columns of
// values far along it, past many multi-byte characters, count characters as a short line does.
TEST(JsonSourcePositions, ColumnsOnAVeryLongLineCountCharacters) {
  std::string text = "[";
  std::vector<std::size_t> columns;  // expected column of each element
  std::size_t characters = 1;
  for (int i = 0; i < 5000; ++i) {
    if (i > 0) {
      text += ",";
      ++characters;
    }
    columns.push_back(characters + 1);
    std::string element = "{\"d\": \"\xC3\xA9\xE2\x82\xAC" + std::to_string(i) + "\"}";
    text += element;
    characters += element.size() - 3;  // é is 2 bytes, € 3, each one character
  }
  text += "]";
  for (auto positions : {JsonSource::Positions::kWhileParsing, JsonSource::Positions::kWhenAsked}) {
    JsonSource source = JsonSource::parse(text, positions);
    for (std::size_t i : {0u, 1u, 291u, 292u, 2047u, 4095u, 4999u}) {
      EXPECT_EQ(position(source, JsonSource::element_path("", i)),
                "1:" + std::to_string(columns[i]))
          << i;
    }
  }
  JsonSource source = JsonSource::parse(text);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    ASSERT_EQ(source.position_of(JsonSource::element_path("", i)).column, columns[i]) << i;
  }
}

TEST(JsonSource, ByteOrderMarkIsAccepted) {
  JsonSource source = JsonSource::parse("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(source.root(), nlohmann::json({{"a", 1}}));
}

TEST(JsonSourcePositions, ByteOrderMarkTakesNoColumn) {
  JsonSource source = JsonSource::parse("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(position(source, ""), "1:1");
  EXPECT_EQ(position(source, "a"), "1:2");
}

TEST(JsonSourceErrors, DuplicateKeyIsRejectedAtTheSecondKey) {
  auto [where, message] = syntax_error_of("{\n  \"a\": 1,\n  \"a\": 2\n}");
  EXPECT_EQ(where, "3:3");
  EXPECT_NE(message.find("duplicate key \"a\""), std::string::npos) << message;
}

TEST(JsonSourceErrors, DuplicateKeyInNestedObjectIsRejected) {
  auto [where, message] = syntax_error_of("{\"x\": {\"k\": 1, \"k\": 1}}");
  EXPECT_EQ(where, "1:16");
  EXPECT_NE(message.find("duplicate key \"k\""), std::string::npos) << message;
}

TEST(JsonSource, SameKeyInSiblingObjectsIsNotADuplicate) {
  JsonSource source = JsonSource::parse(R"([{"a": 1}, {"a": 2}])");
  EXPECT_EQ(source.root()[1]["a"], 2);
}

TEST(JsonSourceErrors, MissingColonIsReportedAtTheUnexpectedToken) {
  auto [where, message] = syntax_error_of("{\n  \"a\": 1,\n  \"b\" 2}");
  EXPECT_EQ(where, "3:7");
  EXPECT_NE(message.find("expected ':'"), std::string::npos) << message;
}

TEST(JsonSourceErrors, TrailingCommaIsReportedAtTheClosingBrace) {
  auto [where, message] = syntax_error_of("{\n  \"a\": 1,\n}");
  EXPECT_EQ(where, "3:1");
  EXPECT_NE(message.find("syntax error"), std::string::npos) << message;
}

TEST(JsonSourceErrors, MessageHasNoLibraryPrefix) {
  auto [where, message] = syntax_error_of("[1,,2]");
  EXPECT_EQ(where, "1:4");
  EXPECT_EQ(message.find("[json.exception"), std::string::npos) << message;
  EXPECT_FALSE(message.empty());
}

TEST(JsonSourceErrors, EmptyTextIsAnError) {
  auto [where, message] = syntax_error_of("");
  EXPECT_EQ(where, "1:1");
  EXPECT_NE(message.find("unexpected end of input"), std::string::npos) << message;
}

TEST(JsonSourceErrors, UnterminatedObjectIsAnErrorOnItsLastLine) {
  auto [where, message] = syntax_error_of("{\n\"a\": 1\n");
  EXPECT_EQ(where.substr(0, 2), "3:") << where;
  EXPECT_NE(message.find("end of input"), std::string::npos) << message;
}

TEST(JsonSourceErrors, UnterminatedCommentIsAnError) {
  auto [where, message] = syntax_error_of("{\"a\": 1} /* open");
  EXPECT_FALSE(message.empty());
}

TEST(JsonSourceErrors, TrailingGarbageIsAnError) {
  auto [where, message] = syntax_error_of("{\"a\": 1}\n x");
  EXPECT_EQ(where, "2:2");
}

// nlohmann's lexer takes a NUL byte for the end of the text: what follows it would be ignored.
TEST(JsonSourceErrors, ANulByteIsAnErrorAtItsPositionWhateverFollowsIt) {
  for (auto positions : {JsonSource::Positions::kWhileParsing, JsonSource::Positions::kWhenAsked}) {
    try {
      JsonSource::parse(std::string("{\"a\": 1}\n  \0{\"b\": [", 19), positions);
      ADD_FAILURE() << "parsed without an error";
    } catch (const JsonSyntaxError& error) {
      EXPECT_EQ(at(error.where()), "2:3");
      EXPECT_NE(std::string(error.what()).find("NUL"), std::string::npos) << error.what();
    }
  }
  auto [where, message] = syntax_error_of(std::string("{\"a\": 1}\0", 9));
  EXPECT_EQ(where, "1:9");
  auto [inside, why] = syntax_error_of(std::string("{\"a\": \"x\0y\"}", 12));
  EXPECT_EQ(inside, "1:9");
}

TEST(JsonSourceErrors, ParseValueRefusesARepeatedKeyAndTrailingData) {
  EXPECT_EQ(JsonSource::parse_value(R"({"a": {"b": 1}})"), nlohmann::json({{"a", {{"b", 1}}}}));
  EXPECT_THROW(JsonSource::parse_value(R"({"s": 1, "r": {"s": 2, "s": 3}})"), JsonSyntaxError);
  EXPECT_THROW(JsonSource::parse_value(R"({"s": 1} {"s": 2})"), JsonSyntaxError);
  EXPECT_THROW(JsonSource::parse_value(std::string("{\"s\": 1}\0{\"s\": 2}", 17)), JsonSyntaxError);
}

// Nesting parses up to kMaxJsonDepth levels; deeper texts are refused (json_source.h), since
// nlohmann::json copies values recursively.
TEST(JsonSource, NestedArraysParseUpToTheLimit) {
  constexpr std::size_t kDepth = kMaxJsonDepth;
  std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  JsonSource source = JsonSource::parse(text);
  const nlohmann::json* value = &source.root();
  std::size_t depth = 0;
  while (value->is_array() && !value->empty()) {
    value = &(*value)[0];
    ++depth;
  }
  EXPECT_EQ(depth, kDepth - 1);
}

TEST(JsonSource, NestedObjectsParseUpToTheLimit) {
  std::string text;
  for (std::size_t i = 0; i < kMaxJsonDepth; ++i) text += "{\"a\":";
  text += "1" + std::string(kMaxJsonDepth, '}');
  JsonSource source = JsonSource::parse(text);
  EXPECT_TRUE(source.root().is_object());
  EXPECT_EQ(position(source, "a"), "1:2");
}

TEST(JsonSourceErrors, NestingDeeperThanTheLimitIsAnErrorNotACrash) {
  for (const std::string& text :
       {std::string(10000, '[') + std::string(10000, ']'), std::string(10000, '[')}) {
    auto [where, message] = syntax_error_of(text);
    EXPECT_EQ(message, "arrays and objects nested deeper than 512 levels");
    EXPECT_EQ(where, "1:" + std::to_string(kMaxJsonDepth + 1));  // the first bracket too deep
  }
  std::string objects;
  for (std::size_t i = 0; i < 10000; ++i) objects += "{\"a\":";
  auto [where, message] = syntax_error_of(objects);
  EXPECT_EQ(message, "arrays and objects nested deeper than 512 levels");
  EXPECT_EQ(where, "1:" + std::to_string(5 * kMaxJsonDepth + 1));
}

// A reader that asks for a position only to report an error (a report, a profile) gets the same
// positions and errors, found by parsing again on its first question.
TEST(JsonSource, PositionsFoundWhenAskedAreThoseFoundWhileParsing) {
  const std::string text =
      "{\"results\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"status\": 1}]}";
  JsonSource eager = JsonSource::parse(text);
  JsonSource lazy = JsonSource::parse(text, JsonSource::Positions::kWhenAsked);
  EXPECT_EQ(lazy.root(), eager.root());
  for (const char* path : {"", "results", "results[1]", "results[1].status", "results[1].x"}) {
    EXPECT_EQ(position(lazy, path), position(eager, path)) << path;
  }
  EXPECT_EQ(position(lazy, "results[1].status"), "3:15");

  // Keys may hold the characters that paths join with (an expectations file's test262 ids).
  const std::string keys = "{\"engines\": {\"d\": {\"t.js#x\": {\"status\": [0, 1]}}}}";
  JsonSource keys_eager = JsonSource::parse(keys);
  JsonSource keys_lazy = JsonSource::parse(keys, JsonSource::Positions::kWhenAsked);
  for (const char* path : {"engines.d.t.js#x", "engines.d.t.js#x.status[1]", "engines.e"}) {
    EXPECT_EQ(position(keys_lazy, path), position(keys_eager, path)) << path;
  }
  EXPECT_EQ(position(keys_lazy, "engines.d.t.js#x.status[1]"), "1:45");

  const std::string deep = "{\"a\": [" + std::string(10000, '[');
  for (auto positions : {JsonSource::Positions::kWhileParsing, JsonSource::Positions::kWhenAsked}) {
    try {
      JsonSource::parse(deep, positions);
      ADD_FAILURE() << "parsed without an error";
    } catch (const JsonSyntaxError& error) {
      EXPECT_EQ(error.field(), "a") << "the field that holds the nesting";
      EXPECT_EQ(at(error.where()), "1:" + std::to_string(6 + kMaxJsonDepth));  // level 513
    }
  }
}

}  // namespace
}  // namespace settle
