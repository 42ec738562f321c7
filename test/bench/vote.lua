-- wrk script: POST /propositions/<id>/vote as many signed-in people, as the
-- vote buttons send it (multipart, CSRF token of the person's session).
-- Arguments (after --): a file of "token csrf" lines, a file of proposal ids.
local voters, targets = {}, {}
local choices = { "agree", "mixed", "disagree" }
local threads = 0

-- Each thread its own random sequence: with one seed, two threads would
-- send the same votes and half of them would change nothing.
function setup(thread)
	threads = threads + 1
	thread:set("thread_no", threads)
end

function init(args)
	for line in io.lines(args[1]) do
		local t, c = line:match("^(%S+) (%S+)$")
		voters[#voters + 1] = { cookie = "agora_sid=" .. t, csrf = c }
	end
	for line in io.lines(args[2]) do
		targets[#targets + 1] = line
	end
	math.randomseed(os.time() * 1000 + thread_no)
end

function request()
	local v = voters[math.random(#voters)]
	local body = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" ..
	    v.csrf .. "\r\n--b\r\nContent-Disposition: form-data; name=\"choix\"\r\n\r\n" ..
	    choices[math.random(3)] .. "\r\n--b--\r\n"
	return wrk.format("POST", "/propositions/" .. targets[math.random(#targets)] .. "/vote",
	    { ["Content-Type"] = "multipart/form-data; boundary=b", ["Cookie"] = v.cookie },
	    body)
end
