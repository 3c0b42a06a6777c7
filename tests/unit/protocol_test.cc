#include "engines/process/protocol.h"

#include <gtest/gtest.h>

#include <string>

namespace settle {
namespace {

constexpr char kNonce[] = "settle-0123456789abcdef01234567";

std::string reply_line(const std::string& json) { return std::string(kNonce) + " " + json; }

// The ProtocolError's message for `line`, or a failure when it parses.
std::string protocol_error_of(const std::string& line) {
  try {
    parse_reply(line, kNonce);
  } catch (const ProtocolError& error) {
    return error.what();
  }
  ADD_FAILURE() << "parsed without an error: " << line;
  return "";
}

TEST(ParseReply, AReplyIsOneJsonObject) {
  auto reply =
      parse_reply(reply_line(R"({"type":"result","report":{"state":"fulfilled"}})"), kNonce);
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ((*reply)["report"]["state"], "fulfilled");
  EXPECT_FALSE(parse_reply("noise " + reply_line("{}"), kNonce).has_value());
}

// What a case that broke the host's JSON encoder makes the driver write (issue 21): the last of a
// repeated key would win, a forged "fulfilled" over the real "rejected".
TEST(ParseReply, ARepeatedKeyIsAProtocolErrorNotTheLastValue) {
  std::string message = protocol_error_of(reply_line(
      R"({"type":"result","report":{"state":"rejected","value":"x","state":"fulfilled","value":2}})"));
  EXPECT_NE(message.find("duplicate key \"state\""), std::string::npos) << message;
  message = protocol_error_of(reply_line(R"({"type":"result","type":"fault"})"));
  EXPECT_NE(message.find("duplicate key \"type\""), std::string::npos) << message;
}

TEST(ParseReply, AnythingAfterTheOneValueIsAProtocolError) {
  std::string message = protocol_error_of(reply_line(
      R"({"type":"result","report":{"state":"rejected"}} {"type":"result","report":{}})"));
  EXPECT_NE(message.find("not one JSON value"), std::string::npos) << message;
  // nlohmann's lexer takes a NUL for the end of the text: what follows must not be ignored.
  message = protocol_error_of(reply_line(std::string(R"({"type":"result","report":{}})") +
                                         std::string(1, '\0') + "garbage"));
  EXPECT_NE(message.find("NUL"), std::string::npos) << message;
  EXPECT_THROW(parse_reply(reply_line(R"({"type":"fault"},)"), kNonce), ProtocolError);
}

}  // namespace
}  // namespace settle
